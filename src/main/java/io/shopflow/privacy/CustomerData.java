package io.shopflow.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.flows.CustomerFlows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything Shopflow holds about one customer, with its history, as one JSON document (GDPR art. 15 and 20).
 * Read in one transaction so the parts agree.
 */
@Service
public class CustomerData {

	private final JdbcClient jdbc;
	private final CustomerFlows flows;
	private final ObjectMapper json;

	CustomerData(JdbcClient jdbc, CustomerFlows flows, ObjectMapper json) {
		this.jdbc = jdbc;
		this.flows = flows;
		this.json = json;
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Optional<Map<String, Object>> export(String customerId) {
		List<Map<String, Object>> profile = rows("""
				select id, email, phone, first_name, last_name, locale, time_zone, birthday, paused_until, created_at,
				  updated_at from customers where id = ?""", customerId);
		if (profile.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("profile", profile.get(0));
		data.put("consents", rows("select channel, granted, source, changed_at from consents where customer_id = ?",
				customerId));
		data.put("consentHistory", rows("""
				select channel, granted, source, event_id, consent_text, consent_version, changed_at from consent_changes
				where customer_id = ? order by changed_at, id""", customerId));
		data.put("events", rows("select id, type, source, event_time, received_at, data from shop_events where subject = ?"
				+ " order by received_at", customerId).stream().map(this::withJsonData).toList());
		data.put("eventCountsByDay", rows("""
				select type, event_day, events from customer_event_days where customer_id = ? order by event_day, type""",
				customerId));
		data.put("carts", rows("select id, items, total, currency, cart_url, updated_at from carts where customer_id = ?",
				customerId).stream().map(this::withJsonItems).toList());
		data.put("orders", rows("select id, total, currency, placed_at from orders where customer_id = ? order by placed_at",
				customerId).stream().map(this::withLines).toList());
		data.put("orderTotals", rows("select orders, last_placed_at from customer_order_totals where customer_id = ?",
				customerId));
		data.put("coupons", rows("""
				select code, percent, flow, issued_at, expires_at, redeemed_order_id from coupons where customer_id = ?
				order by issued_at""", customerId));
		data.put("messages", rows("""
				select flow, step, channel, status, reason, variant, created_at, sent_at, delivery_status, opened_at,
				  clicked_at from send_log where customer_id = ? order by created_at""", customerId));
		data.put("opensAndClicks", rows("""
				select s.flow, s.step, t.kind, t.target, t.flag, t.user_agent, t.ip, t.at from tracking_events t
				join send_log s on s.id = t.send_id where s.customer_id = ? order by t.at""", customerId));
		data.put("attributedOrders", rows("""
				select order_id, flow, step, model, revenue, currency, ordered_at from attributions where customer_id = ?""",
				customerId));
		data.put("productInterest", rows("""
				select product_id, viewed_at, carted_at from product_interest where customer_id = ? order by last_at""",
				customerId));
		data.put("surveyAnswers", rows("select flow, answer, answered_at from survey_answers where customer_id = ?",
				customerId));
		data.put("pushSubscriptions", rows("select endpoint, created_at from push_subscriptions where customer_id = ?",
				customerId));
		data.put("flows", flows.of(customerId));
		return Optional.of(data);
	}

	private List<Map<String, Object>> rows(String sql, String customerId) {
		return jdbc.sql(sql).param(customerId).query().listOfRows().stream().map(CustomerData::lowerKeys).toList();
	}

	private Map<String, Object> withLines(Map<String, Object> order) {
		order.put("lines", jdbc.sql("select product_id, quantity, price from order_lines where order_id = ?")
				.param(order.get("id")).query().listOfRows().stream().map(CustomerData::lowerKeys).toList());
		return order;
	}

	private Map<String, Object> withJsonData(Map<String, Object> event) {
		return parsed(event, "data");
	}

	private Map<String, Object> withJsonItems(Map<String, Object> cart) {
		return parsed(cart, "items");
	}

	private Map<String, Object> parsed(Map<String, Object> row, String column) {
		if (row.get(column) instanceof String text) {
			try {
				row.put(column, json.readTree(text));
			}
			catch (java.io.IOException e) {
				// kept as the text it is
			}
		}
		return row;
	}

	private static Map<String, Object> lowerKeys(Map<String, Object> row) {
		Map<String, Object> lower = new LinkedHashMap<>();
		row.forEach((key, value) -> lower.put(camel(key.toLowerCase()), value));
		return lower;
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}
}
