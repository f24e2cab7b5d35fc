package io.shopflow.segments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.shopflow.events.Channel;

import org.springframework.stereotype.Component;

/**
 * Compiles a segment's condition (JSON) into one SQL predicate over the customers table. Every condition becomes
 * "exists (a row of the customer's in an indexed table)", "c.id in (customers found by a subquery)" or a test on
 * the customer's row, combined with and, or and not; no customer is loaded into memory. Where it can, a condition
 * is an exists: PostgreSQL turns "not exists" into an anti-join and may look up only the customers the other
 * conditions leave, while "not (c.id in ..)" always builds the whole set first. Conditions:
 * <ul>
 * <li>{"and": [..]}, {"or": [..]}, {"not": {..}}</li>
 * <li>{"profile": "locale", "equals" | "startsWith": "sv"} or {"profile": "phone", "exists": true}</li>
 * <li>{"joined": {"within": "P7D"}} (registered; also "notWithin")</li>
 * <li>{"consent": "email", "within": "P7D"} (granted now; optionally granted within)</li>
 * <li>{"event": "shop.product.viewed", "atLeast": 4, "within": "P30D"} (events of that type received in the
 * window; also "notWithin"; without a window, ever)</li>
 * <li>{"viewed": {"productId": "p-1"} or {"category": "Lighting"}, "within": "P7D", "notInCart": true}</li>
 * <li>{"bought": {"productId": "p-1"} or {"category": ".."} or {}, "within": "P30D"}</li>
 * <li>{"orders": {"atLeast": 1, "atMost": 1}, "lastNotWithin": "P180D"} (also "lastWithin")</li>
 * </ul>
 */
@Component
public class SegmentCompiler {

	private static final Map<String, String> PROFILE = Map.of("email", "c.email", "phone", "c.phone", "locale", "c.locale",
			"timeZone", "c.time_zone", "firstName", "c.first_name", "lastName", "c.last_name", "birthday", "c.birthday");

	private final Clock clock;

	SegmentCompiler(Clock clock) {
		this.clock = clock;
	}

	public SegmentQuery compile(JsonNode condition) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		Compilation compilation = new Compilation(parameters, Instant.now(clock));
		String predicate = compilation.condition(condition, "/condition");
		return new SegmentQuery(predicate, parameters, compilation.drivenMembers(condition));
	}

	private static final class Compilation {

		private final Map<String, Object> parameters;
		private final Instant now;
		/** Whether a condition reads the customer's own row (profile, joined), which only customers c has. */
		private boolean readsCustomerRow;

		Compilation(Map<String, Object> parameters, Instant now) {
			this.parameters = parameters;
			this.now = now;
		}

		String condition(JsonNode node, String at) {
			if (node == null || !node.isObject() || node.isEmpty()) {
				throw new SegmentInvalid(at, "must be a condition object");
			}
			if (node.has("and")) {
				return combine(node.get("and"), at + "/and", " and ");
			}
			if (node.has("or")) {
				return combine(node.get("or"), at + "/or", " or ");
			}
			if (node.has("not")) {
				return "not (" + condition(node.get("not"), at + "/not") + ")";
			}
			if (node.has("profile")) {
				return profile(node, at);
			}
			if (node.has("joined")) {
				readsCustomerRow = true;
				return window("c.created_at", node.get("joined"), at + "/joined");
			}
			if (node.has("consent")) {
				return consent(node, at);
			}
			if (node.has("event")) {
				return events(node, at);
			}
			if (node.has("viewed")) {
				return viewed(node, at);
			}
			if (node.has("bought")) {
				return bought(node, at);
			}
			if (node.has("orders")) {
				return orders(node, at);
			}
			Iterator<String> names = node.fieldNames();
			throw new SegmentInvalid(at + "/" + names.next(), "is not a known condition (and, or, not, profile, joined, "
					+ "consent, event, viewed, bought, orders)");
		}

		/**
		 * The members found among the customers of one top-level condition that a per-customer table answers (an
		 * event count, an order count), with the other conditions tested on those alone; null when there is no
		 * such condition, or when a condition reads the customer's row. The tables have rows only for customers
		 * that exist (the intake creates the customer with the event; erasure deletes both), so these are the
		 * same members as among all customers: "visited 4+ times, no purchase" reads its 150k candidates instead
		 * of joining them with 1M customers, which was half of its time.
		 */
		String drivenMembers(JsonNode root) {
			if (readsCustomerRow) {
				return null;
			}
			boolean and = root.has("and");
			List<JsonNode> conditions = new ArrayList<>();
			if (and) {
				root.get("and").forEach(conditions::add);
			}
			else {
				conditions.add(root);
			}
			for (int i = 0; i < conditions.size(); i++) {
				String driver = customersOf(conditions.get(i), and ? "/condition/and/" + i : "/condition");
				if (driver != null) {
					List<String> others = new ArrayList<>();
					for (int j = 0; j < conditions.size(); j++) {
						if (j != i) {
							others.add("(" + condition(conditions.get(j), "/condition/and/" + j) + ")");
						}
					}
					return "select c.id from (" + driver + ") c where "
							+ (others.isEmpty() ? "1 = 1" : String.join(" and ", others));
				}
			}
			return null;
		}

		/** The customers a condition holds for, as a query of their distinct ids, when one table answers it. */
		private String customersOf(JsonNode node, String at) {
			if (node.has("event")) {
				return eventCustomers(node, at);
			}
			if (node.has("orders")) {
				return "select o.customer_id as id from customer_order_totals o where " + orderTests(node, at);
			}
			return null;
		}

		private String combine(JsonNode parts, String at, String operator) {
			if (!parts.isArray() || parts.isEmpty()) {
				throw new SegmentInvalid(at, "must be a non-empty array of conditions");
			}
			List<String> compiled = new ArrayList<>();
			for (int i = 0; i < parts.size(); i++) {
				compiled.add("(" + condition(parts.get(i), at + "/" + i) + ")");
			}
			return String.join(operator, compiled);
		}

		private String profile(JsonNode node, String at) {
			readsCustomerRow = true;
			String column = PROFILE.get(node.path("profile").asText());
			if (column == null) {
				throw new SegmentInvalid(at + "/profile", "must be one of " + PROFILE.keySet());
			}
			boolean date = column.equals("c.birthday");
			if (node.has("equals")) {
				return column + " = " + parameter(date ? SegmentValues.date(node.get("equals"), at + "/equals")
						: SegmentValues.text(node.get("equals"), at + "/equals"));
			}
			if (node.has("startsWith")) {
				// _, % and \ are themselves, not LIKE's wildcards
				String prefix = SegmentValues.literal(SegmentValues.text(node.get("startsWith"), at + "/startsWith"));
				return (date ? "cast(c.birthday as varchar(10))" : column) + " like " + parameter(prefix + "%")
						+ " escape '\\'";
			}
			if (node.has("exists")) {
				return column + (node.get("exists").asBoolean() ? " is not null" : " is null");
			}
			throw new SegmentInvalid(at, "needs equals, startsWith or exists");
		}

		private String consent(JsonNode node, String at) {
			String channel = node.path("consent").asText();
			if (Channel.find(channel).isEmpty()) {
				throw new SegmentInvalid(at + "/consent", "must be one of " + String.join(", ", Channel.keys()));
			}
			String sql = "exists (select 1 from consents where customer_id = c.id and channel = " + parameter(channel)
					+ " and granted = true";
			if (node.has("within")) {
				sql += " and changed_at >= " + since(node.get("within"), at + "/within");
			}
			return sql + ")";
		}

		private String events(JsonNode node, String at) {
			if (!node.has("within") && !node.has("notWithin")) {
				// an exists, which "not" turns into an anti-join
				return "exists (select 1 from customer_event_totals t where t.customer_id = c.id and t.type = "
						+ parameter(node.get("event").asText()) + " and t.events >= " + parameter(atLeast(node, at)) + ")";
			}
			String customers = eventCustomers(node, at);
			return customers == null ? "1 = 0" : "c.id in (" + customers + ")";
		}

		/** 1 or more (use not for none). */
		private static int atLeast(JsonNode node, String at) {
			return SegmentValues.count(node, "atLeast", at, 1, 1);
		}

		/**
		 * Counts events from the per-customer counts the intake keeps (customer_event_days, _totals) rather than
		 * from shop_events: a few rows per customer instead of every event, in one group by over one table (so
		 * PostgreSQL estimates it well). The window is still exact to the instant. Its first and last day are
		 * summed whole; a customer whose days inside the window alone reach the count is in, one whose sum with
		 * the whole edge days does not is out, and only the few between have the events of the edge days outside
		 * the window counted from shop_events (by the index on subject and time). Null when the window is empty.
		 */
		private String eventCustomers(JsonNode node, String at) {
			int atLeast = atLeast(node, at);
			String type = parameter(node.get("event").asText());
			Instant since = node.has("within") ? instant(node.get("within"), at + "/within") : null;
			Instant until = node.has("notWithin") ? instant(node.get("notWithin"), at + "/notWithin") : null;
			String n = parameter(atLeast);
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
				days += " and d.event_day >= " + parameter(Date.valueOf(first));
				if (since.isAfter(start(first))) {
					edgeDays.add(parameter(Date.valueOf(first)));
					outside.add("(e.received_at >= " + parameter(Timestamp.from(start(first))) + " and e.received_at < "
							+ parameter(Timestamp.from(since)) + ")");
				}
			}
			if (until != null) {
				LocalDate last = LocalDate.ofInstant(until.minusNanos(1), ZoneOffset.UTC);
				days += " and d.event_day <= " + parameter(Date.valueOf(last));
				if (until.isBefore(start(last.plusDays(1)))) {
					edgeDays.add(parameter(Date.valueOf(last)));
					outside.add("(e.received_at >= " + parameter(Timestamp.from(until)) + " and e.received_at < "
							+ parameter(Timestamp.from(start(last.plusDays(1)))) + ")");
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

		private static Instant start(LocalDate day) {
			return day.atStartOfDay(ZoneOffset.UTC).toInstant();
		}

		private String viewed(JsonNode node, String at) {
			String sql = "c.id in (select i.customer_id from product_interest i" + product(node.get("viewed"),
					"i.product_id", at + "/viewed") + " and i.viewed_at is not null" + timeWindow("i.viewed_at", node, at);
			if (node.path("notInCart").asBoolean()) {
				sql += " and (i.carted_at is null or i.carted_at < i.viewed_at)";
			}
			return sql + ")";
		}

		private String bought(JsonNode node, String at) {
			String sql = "c.id in (select o.customer_id from orders o join order_lines l on l.order_id = o.id"
					+ product(node.get("bought"), "l.product_id", at + "/bought") + timeWindow("o.placed_at", node, at);
			int atLeast = SegmentValues.count(node, "atLeast", at, 1, 1);
			return sql + (atLeast > 1 ? " group by o.customer_id having count(distinct o.id) >= " + parameter(atLeast)
					: "") + ")";
		}

		/** From each customer's order count and last order time, kept with the orders (customer_order_totals). */
		private String orders(JsonNode node, String at) {
			// only customers with an order have a row: "atMost 1" means one order, not none, as it always has
			return "exists (select 1 from customer_order_totals o where o.customer_id = c.id and " + orderTests(node, at)
					+ ")";
		}

		private String orderTests(JsonNode node, String at) {
			JsonNode count = node.get("orders");
			List<String> tests = new ArrayList<>();
			if (count == null || !count.isObject()) {
				throw new SegmentInvalid(at + "/orders", "must be an object: {\"atLeast\": .., \"atMost\": ..}");
			}
			if (count.has("atLeast")) {
				tests.add("o.orders >= " + parameter(SegmentValues.count(count, "atLeast", at + "/orders", 0, 0)));
			}
			if (count.has("atMost")) {
				tests.add("o.orders <= " + parameter(SegmentValues.count(count, "atMost", at + "/orders", 0, 0)));
			}
			if (node.has("lastWithin")) {
				tests.add("o.last_placed_at >= " + since(node.get("lastWithin"), at + "/lastWithin"));
			}
			if (node.has("lastNotWithin")) {
				tests.add("o.last_placed_at < " + since(node.get("lastNotWithin"), at + "/lastNotWithin"));
			}
			if (tests.isEmpty()) {
				throw new SegmentInvalid(at + "/orders", "needs atLeast, atMost, lastWithin or lastNotWithin");
			}
			return String.join(" and ", tests);
		}

		/** A join to products when filtering by category, then the where clause. */
		private String product(JsonNode filter, String column, String at) {
			if (filter == null || !filter.isObject()) {
				throw new SegmentInvalid(at, "must be an object: {}, {\"productId\": ..} or {\"category\": ..}");
			}
			if (filter.has("category")) {
				return " join products p on p.id = " + column + " where p.category = "
						+ parameter(filter.get("category").asText());
			}
			if (filter.has("productId")) {
				return " where " + column + " = " + parameter(filter.get("productId").asText());
			}
			return " where 1 = 1";
		}

		private String window(String column, JsonNode window, String at) {
			if (window == null || !window.isObject()) {
				throw new SegmentInvalid(at, "must be {\"within\": ..} or {\"notWithin\": ..}");
			}
			String sql = timeWindow(column, window, at);
			if (sql.isEmpty()) {
				throw new SegmentInvalid(at, "needs within or notWithin");
			}
			return sql.substring(" and ".length());
		}

		private String timeWindow(String column, JsonNode node, String at) {
			String sql = "";
			if (node.has("within")) {
				sql += " and " + column + " >= " + since(node.get("within"), at + "/within");
			}
			if (node.has("notWithin")) {
				sql += " and " + column + " < " + since(node.get("notWithin"), at + "/notWithin");
			}
			return sql;
		}

		private String since(JsonNode duration, String at) {
			return parameter(Timestamp.from(instant(duration, at)));
		}

		/** The instant that long ago. */
		private Instant instant(JsonNode duration, String at) {
			return SegmentValues.ago(now, duration, at);
		}

		private String parameter(Object value) {
			String name = "p" + parameters.size();
			parameters.put(name, value);
			return ":" + name;
		}
	}
}
