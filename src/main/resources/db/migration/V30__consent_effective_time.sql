-- When a consent change took effect by its source's clock: the shop's own update time (Shopify's updated_at,
-- WooCommerce's date_modified_gmt), an event's time, or when the customer clicked (unsubscribe link, preference
-- centre). A change older than a channel's current one does not override it, so a replayed webhook cannot grant
-- consent again after an unsubscribe. changed_at stays the time Shopflow recorded the change.
alter table consents add column effective_at timestamp with time zone;
alter table consent_changes add column effective_at timestamp with time zone;
update consents set effective_at = changed_at;
update consent_changes set effective_at = changed_at;
