package io.shopflow.segments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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

	private final Clock clock;

	SegmentCompiler(Clock clock) {
		this.clock = clock;
	}

	public SegmentQuery compile(JsonNode condition) {
		SegmentParameters parameters = new SegmentParameters(Instant.now(clock));
		Compilation compilation = new Compilation(parameters);
		String predicate = compilation.condition(condition, "/condition");
		return new SegmentQuery(predicate, parameters.values(), compilation.drivenMembers(condition));
	}

	/** One condition's compilation: which family compiles each part, and how they combine. */
	private static final class Compilation {

		private final CustomerConditions customer;
		private final EventConditions events;
		private final ShoppingConditions shopping;
		/** Whether a condition reads the customer's own row (profile, joined), which only customers c has. */
		private boolean readsCustomerRow;

		Compilation(SegmentParameters parameters) {
			this.customer = new CustomerConditions(parameters);
			this.events = new EventConditions(parameters);
			this.shopping = new ShoppingConditions(parameters);
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
				readsCustomerRow = true;
				return customer.profile(node, at);
			}
			if (node.has("joined")) {
				readsCustomerRow = true;
				return customer.joined(node, at);
			}
			if (node.has("consent")) {
				return customer.consent(node, at);
			}
			if (node.has("event")) {
				return events.events(node, at);
			}
			if (node.has("viewed")) {
				return shopping.viewed(node, at);
			}
			if (node.has("bought")) {
				return shopping.bought(node, at);
			}
			if (node.has("orders")) {
				return shopping.orders(node, at);
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
				return events.customers(node, at);
			}
			if (node.has("orders")) {
				return shopping.orderCustomers(node, at);
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
	}
}
