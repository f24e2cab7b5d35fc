package io.shopflow.segments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** {"event": type, "atLeast": n, "within" | "notWithin": duration}: how often the customer did something. */
final class EventConditions {

	private final SegmentParameters parameters;

	EventConditions(SegmentParameters parameters) {
		this.parameters = parameters;
	}

	String events(JsonNode node, String at) {
		if (!node.has("within") && !node.has("notWithin")) {
			// an exists, which "not" turns into an anti-join
			return "exists (select 1 from customer_event_totals t where t.customer_id = c.id and t.type = "
					+ parameters.add(node.get("event").asText()) + " and t.events >= " + parameters.add(atLeast(node, at))
					+ ")";
		}
		String customers = customers(node, at);
		return customers == null ? "1 = 0" : "c.id in (" + customers + ")";
	}

	/**
	 * Counts events from the per-customer counts the intake keeps (customer_event_days, _totals) rather than
	 * from shop_events: a few rows per customer instead of every event, in one group by over one table (so
	 * PostgreSQL estimates it well). The window is still exact to the instant. Its first and last day are
	 * summed whole; a customer whose days inside the window alone reach the count is in, one whose sum with
	 * the whole edge days does not is out, and only the few between have the events of the edge days outside
	 * the window counted from shop_events (by the index on subject and time). Null when the window is empty.
	 */
	String customers(JsonNode node, String at) {
		int atLeast = atLeast(node, at);
		String type = parameters.add(node.get("event").asText());
		Instant since = node.has("within") ? parameters.ago(node.get("within"), at + "/within") : null;
		Instant until = node.has("notWithin") ? parameters.ago(node.get("notWithin"), at + "/notWithin") : null;
		String n = parameters.add(atLeast);
		if (since == null && until == null) {
			return "select t.customer_id as id from customer_event_totals t where t.type = " + type
					+ " and t.events >= " + n;
		}
		if (since != null && until != null && !since.isBefore(until)) {
			return null;
		}
		String days = "";
		List<String> edgeDays = new ArrayList<>();
		List<String> outside = new ArrayList<>();
		if (since != null) {
			LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
			days += " and d.event_day >= " + parameters.add(Date.valueOf(first));
			if (since.isAfter(start(first))) {
				edgeDays.add(parameters.add(Date.valueOf(first)));
				outside.add("(e.received_at >= " + parameters.add(Timestamp.from(start(first))) + " and e.received_at < "
						+ parameters.add(Timestamp.from(since)) + ")");
			}
		}
		if (until != null) {
			LocalDate last = LocalDate.ofInstant(until.minusNanos(1), ZoneOffset.UTC);
			days += " and d.event_day <= " + parameters.add(Date.valueOf(last));
			if (until.isBefore(start(last.plusDays(1)))) {
				edgeDays.add(parameters.add(Date.valueOf(last)));
				outside.add("(e.received_at >= " + parameters.add(Timestamp.from(until)) + " and e.received_at < "
						+ parameters.add(Timestamp.from(start(last.plusDays(1)))) + ")");
			}
		}
		String sql = "select d.customer_id as id from customer_event_days d where d.type = " + type + days
				+ " group by d.customer_id having ";
		if (edgeDays.isEmpty()) {
			return sql + "sum(d.events) >= " + n;
		}
		// in this order, so the events are counted only where the sum says they decide; and the planner, which
		// takes each test to pass a third of the rows, does not expect so few members that it looks each up
		return sql + "sum(case when d.event_day in (" + String.join(", ", edgeDays) + ") then 0 else d.events end)"
				+ " >= " + n + " or (sum(d.events) >= " + n + " and sum(d.events) - (select count(*) from shop_events e"
				+ " where e.subject = d.customer_id and e.type = " + type + " and (" + String.join(" or ", outside)
				+ ")) >= " + n + ")";
	}

	/** 1 or more (use not for none). */
	private static int atLeast(JsonNode node, String at) {
		return SegmentValues.count(node, "atLeast", at, 1, 1);
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
