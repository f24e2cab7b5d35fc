package io.shopflow.segments;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.shopflow.events.Channel;

/** Conditions on the customer's own row and consents: profile, joined, consent. */
final class CustomerConditions {

	private static final Map<String, String> PROFILE = Map.of("email", "c.email", "phone", "c.phone", "locale", "c.locale",
			"timeZone", "c.time_zone", "firstName", "c.first_name", "lastName", "c.last_name", "birthday", "c.birthday");

	private final SegmentParameters parameters;

	CustomerConditions(SegmentParameters parameters) {
		this.parameters = parameters;
	}

	String profile(JsonNode node, String at) {
		String column = PROFILE.get(node.path("profile").asText());
		if (column == null) {
			throw new SegmentInvalid(at + "/profile", "must be one of " + PROFILE.keySet());
		}
		boolean date = column.equals("c.birthday");
		if (node.has("equals")) {
			return column + " = " + parameters.add(date ? SegmentValues.date(node.get("equals"), at + "/equals")
					: SegmentValues.text(node.get("equals"), at + "/equals"));
		}
		if (node.has("startsWith")) {
			// _, % and \ are themselves, not LIKE's wildcards
			String prefix = SegmentValues.literal(SegmentValues.text(node.get("startsWith"), at + "/startsWith"));
			return (date ? "cast(c.birthday as varchar(10))" : column) + " like " + parameters.add(prefix + "%")
					+ " escape '\\'";
		}
		if (node.has("exists")) {
			return column + (node.get("exists").asBoolean() ? " is not null" : " is null");
		}
		throw new SegmentInvalid(at, "needs equals, startsWith or exists");
	}

	String joined(JsonNode node, String at) {
		return parameters.window("c.created_at", node.get("joined"), at + "/joined");
	}

	String consent(JsonNode node, String at) {
		String channel = node.path("consent").asText();
		if (Channel.find(channel).isEmpty()) {
			throw new SegmentInvalid(at + "/consent", "must be one of " + String.join(", ", Channel.keys()));
		}
		String sql = "exists (select 1 from consents where customer_id = c.id and channel = " + parameters.add(channel)
				+ " and granted = true";
		if (node.has("within")) {
			sql += " and changed_at >= " + parameters.since(node.get("within"), at + "/within");
		}
		return sql + ")";
	}
}
