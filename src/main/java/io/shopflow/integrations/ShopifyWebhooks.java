package io.shopflow.integrations;

import static io.shopflow.integrations.CloudEvents.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shopflow.events.EventTypes;

import org.springframework.stereotype.Component;

/**
 * Shopify's webhooks as shop events. The event id is Shopify's X-Shopify-Webhook-Id, which a redelivery keeps,
 * so a redelivered webhook is recognised and not applied twice. A checkout is Shopify's cart, keyed by its
 * token; creating one also means the customer started checking out. Anonymous checkouts (no customer) carry
 * nobody to remind and are left out.
 * <p>
 * A customer webhook is the customer as of its updated_at, which is the event's time (so the consent it carries
 * counts from then: one older than the customer's last consent change does not override it) and part of its id,
 * so the same body under another webhook id (a replay) is the same event, recognised and not applied again.
 * The body is checked first: a signed one that is malformed is a {@link WebhookMalformed} naming its fields.
 */
@Component
public class ShopifyWebhooks {

	public List<ObjectNode> events(String topic, String webhookId, String shopDomain, String triggeredAt, JsonNode body) {
		check(topic, BodyCheck.object(body));
		String source = "https://" + (shopDomain == null ? "shopify" : shopDomain);
		String id = "shopify:" + webhookId;
		List<ObjectNode> events = new ArrayList<>();
		String updated = text(body, "updated_at");
		String customerId = updated == null ? id : "shopify:" + topic + ":" + text(body, "id") + ":"
				+ OffsetDateTime.parse(updated).toInstant();
		String customerTime = updated == null ? triggeredAt : updated;
		switch (topic) {
			case "customers/create" -> events.add(event(customerId, source, EventTypes.CUSTOMER_REGISTERED,
					text(body, "id"), customerTime, profile(body)));
			case "customers/update" -> events.add(event(customerId, source, EventTypes.CUSTOMER_UPDATED,
					text(body, "id"), customerTime, profile(body)));
			case "checkouts/create", "checkouts/update" -> {
				String customer = text(body.path("customer"), "id");
				if (customer == null) {
					break;
				}
				events.add(event(id, source, EventTypes.CART_UPDATED, customer, triggeredAt, cart(body)));
				if (topic.equals("checkouts/create")) {
					ObjectNode checkout = data().put("cartId", text(body, "token"));
					checkout.put("total", body.path("total_price").asText("0")).put("currency", currency(body));
					events.add(event(id + ":checkout", source, EventTypes.CHECKOUT_STARTED, customer, triggeredAt,
							checkout));
				}
			}
			case "orders/create" -> {
				String customer = text(body.path("customer"), "id");
				if (customer != null) {
					events.add(event(id, source, EventTypes.ORDER_PLACED, customer, triggeredAt, order(body)));
				}
			}
			case "orders/fulfilled" -> {
				String customer = text(body.path("customer"), "id");
				if (customer != null) {
					events.add(event(id, source, EventTypes.ORDER_DELIVERED, customer, triggeredAt,
							data().put("orderId", text(body, "id"))));
				}
			}
			default -> {
			}
		}
		return events;
	}

	private static void check(String topic, JsonNode body) {
		BodyCheck check = new BodyCheck();
		switch (topic) {
			case "customers/create", "customers/update" -> {
				check.required(body, "", "id").text(body, "", "email", "first_name", "last_name", "phone")
						.time(body, "", "updated_at", false).bool(body, "", "accepts_marketing");
				JsonNode email = check.object(body, "", "email_marketing_consent");
				check.text(email, "/email_marketing_consent", "state", "opt_in_level")
						.time(email, "/email_marketing_consent", "consent_updated_at", false);
				check.text(check.object(body, "", "sms_marketing_consent"), "/sms_marketing_consent", "state");
			}
			case "checkouts/create", "checkouts/update", "orders/create", "orders/fulfilled" -> {
				JsonNode customer = check.object(body, "", "customer");
				check.text(customer, "/customer", "id");
				if (customer.hasNonNull("id")) {
					check.required(body, "", topic.startsWith("checkouts/") ? "token" : "id");
				}
				check.text(body, "", "id", "token", "currency", "presentment_currency", "abandoned_checkout_url",
						"checkout_token").number(body, "", "total_price");
				for (BodyCheck.Element line : check.objects(body, "", "line_items")) {
					check.text(line.node(), line.at(), "product_id", "variant_id", "title").number(line.node(),
							line.at(), "price").wholeNumber(line.node(), line.at(), "quantity");
				}
				for (BodyCheck.Element code : check.objects(body, "", "discount_codes")) {
					check.text(code.node(), code.at(), "code");
				}
			}
			default -> {
			}
		}
		check.done();
	}

	private static ObjectNode profile(JsonNode customer) {
		ObjectNode data = data();
		putIfPresent(data, "email", text(customer, "email"));
		putIfPresent(data, "firstName", text(customer, "first_name"));
		putIfPresent(data, "lastName", text(customer, "last_name"));
		putIfPresent(data, "phone", text(customer, "phone"));
		ObjectNode consent = data.putObject("consent");
		JsonNode email = customer.path("email_marketing_consent");
		if (email.isObject()) {
			consent.put("email", "subscribed".equals(text(email, "state")));
		}
		else if (customer.has("accepts_marketing")) {
			consent.put("email", customer.path("accepts_marketing").asBoolean());
		}
		JsonNode sms = customer.path("sms_marketing_consent");
		if (sms.isObject()) {
			consent.put("sms", "subscribed".equals(text(sms, "state")));
		}
		consent.put("text", "Shopify marketing consent (" + text(email, "opt_in_level") + ")");
		return data;
	}

	private static ObjectNode cart(JsonNode checkout) {
		ObjectNode data = data().put("cartId", text(checkout, "token"));
		data.set("items", items(checkout.path("line_items")));
		data.put("total", checkout.path("total_price").asText("0")).put("currency", currency(checkout));
		putIfPresent(data, "cartUrl", text(checkout, "abandoned_checkout_url"));
		return data;
	}

	private static ObjectNode order(JsonNode order) {
		ObjectNode data = data().put("orderId", text(order, "id"));
		data.set("items", items(order.path("line_items")));
		data.put("total", order.path("total_price").asText("0")).put("currency", currency(order));
		putIfPresent(data, "cartId", text(order, "checkout_token"));
		JsonNode codes = order.path("discount_codes");
		if (codes.isArray() && !codes.isEmpty()) {
			putIfPresent(data, "couponCode", text(codes.get(0), "code"));
		}
		return data;
	}

	private static ArrayNode items(JsonNode lines) {
		ArrayNode items = array();
		for (JsonNode line : lines) {
			ObjectNode item = items.addObject();
			item.put("productId", text(line, "product_id") != null ? text(line, "product_id") : text(line, "variant_id"));
			putIfPresent(item, "name", text(line, "title"));
			item.put("quantity", Math.max(1, line.path("quantity").asInt(1)));
			putIfPresent(item, "price", text(line, "price"));
		}
		return items;
	}

	private static String currency(JsonNode node) {
		String currency = text(node, "currency");
		return currency != null ? currency : text(node, "presentment_currency");
	}
}
