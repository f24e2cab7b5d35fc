-- What people did with each send, kept on the send itself (tracking_events keeps every fetch), so the
-- statistics read one row per send and no join.
alter table send_log add column opened_at timestamp with time zone;
alter table send_log add column clicked_at timestamp with time zone;
alter table send_log add column apple_opened boolean not null default false;
alter table send_log add column machine_opened boolean not null default false;

-- The statistics read every send of a flow in a date range: with all the columns they need in the index,
-- PostgreSQL answers from the index alone instead of visiting a table page per send.
drop index send_log_stats;
create index send_log_stats on send_log (flow, created_at, id, step, variant, status, customer_id, delivery_status,
    opened_at, clicked_at, apple_opened, machine_opened);
