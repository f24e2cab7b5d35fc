package io.shopflow.integrations;

import static io.shopflow.integrations.CloudEvents.*;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shopflow.events.EventTypes;

import org.springframework.stereotype.Component;

/**
 * WooCommerce's webhooks as shop events. The event id is the resource, the topic and its modification time, which
 * a redelivery of the same webhook keeps. An order update counts only when the order is completed (delivered);
 * guest orders (customer_id 0) carry nobody to remind and are left out. WooCommerce has no marketing consent of
 * its own, so a new customer has none until the shop says so. The body is checked first: a signed one that is
 * malformed is a {@link WebhookMalformed} naming its fields.
 */
@Component
public class WooCommerceWebhooks {

	public List<ObjectNode> events(String topic, String shopUrl, JsonNode body) {
		check(topic, BodyCheck.object(body));
		String source = shopUrl == null ? "woocommerce" : shopUrl;
		String id = "woocommerce:" + topic + ":" + text(body, "id") + ":"
				+ (text(body, "date_modified_gmt") != null ? text(body, "date_modified_gmt") : text(body, "date_created_gmt"));
		String time = text(body, "date_modified_gmt") == null ? null : text(body, "date_modified_gmt") + "Z";
		return switch (topic) {
			case "customer.created" -> List.of(event(id, source, EventTypes.CUSTOMER_REGISTERED, text(body, "id"), time,
					profile(body)));
			case "customer.updated" -> List.of(event(id, source, EventTypes.CUSTOMER_UPDATED, text(body, "id"), time,
					profile(body)));
			case "order.created" -> guest(body) ? List.of()
					: List.of(event(id, source, EventTypes.ORDER_PLACED, text(body, "customer_id"), time, order(body)));
			case "order.updated" -> guest(body) || !"completed".equals(text(body, "status")) ? List.of()
					: List.of(event(id, source, EventTypes.ORDER_DELIVERED, text(body, "customer_id"), time,
							data().put("orderId", text(body, "id"))));
			default -> List.of();
		};
	}

	private static void check(String topic, JsonNode body) {
		BodyCheck check = new BodyCheck();
		if (topic.startsWith("customer.") || topic.startsWith("order.")) {
			check.required(body, "", "id").time(body, "", "date_modified_gmt", true)
					.time(body, "", "date_created_gmt", true);
		}
		if (topic.startsWith("customer.")) {
			check.text(body, "", "email", "first_name", "last_name");
			check.text(check.object(body, "", "billing"), "/billing", "phone");
		}
		if (topic.startsWith("order.")) {
			check.text(body, "", "customer_id", "status", "currency").number(body, "", "total");
			for (BodyCheck.Element line : check.objects(body, "", "line_items")) {
				check.text(line.node(), line.at(), "product_id", "name").number(line.node(), line.at(), "price")
						.wholeNumber(line.node(), line.at(), "quantity");
			}
			for (BodyCheck.Element coupon : check.objects(body, "", "coupon_lines")) {
				check.text(coupon.node(), coupon.at(), "code");
			}
		}
		check.done();
	}

	private static boolean guest(JsonNode order) {
		String customer = text(order, "customer_id");
		return customer == null || "0".equals(customer);
	}

	private static ObjectNode profile(JsonNode customer) {
		ObjectNode data = data();
		putIfPresent(data, "email", text(customer, "email"));
		putIfPresent(data, "firstName", text(customer, "first_name"));
		putIfPresent(data, "lastName", text(customer, "last_name"));
		putIfPresent(data, "phone", text(customer.path("billing"), "phone"));
		return data;
	}

	private static ObjectNode order(JsonNode order) {
		ObjectNode data = data().put("orderId", text(order, "id"));
		ArrayNode items = data.putArray("items");
		for (JsonNode line : order.path("line_items")) {
			ObjectNode item = items.addObject();
			item.put("productId", text(line, "product_id"));
			putIfPresent(item, "name", text(line, "name"));
			item.put("quantity", Math.max(1, line.path("quantity").asInt(1)));
			if (line.has("price")) {
				item.put("price", line.path("price").asText());
			}
		}
		data.put("total", order.path("total").asText("0")).put("currency", text(order, "currency"));
		JsonNode coupons = order.path("coupon_lines");
		if (coupons.isArray() && !coupons.isEmpty()) {
			putIfPresent(data, "couponCode", text(coupons.get(0), "code"));
		}
		return data;
	}
}
