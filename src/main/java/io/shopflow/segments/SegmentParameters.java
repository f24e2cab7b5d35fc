package io.shopflow.segments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The named parameters of one compiled segment query, and its time windows, all counted back from one instant:
 * no value from a condition is ever written into the SQL itself.
 */
final class SegmentParameters {

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final Instant now;

	SegmentParameters(Instant now) {
		this.now = now;
	}

	/** @return the placeholder that stands for the value */
	String add(Object value) {
		String name = "p" + values.size();
		values.put(name, value);
		return ":" + name;
	}

	Map<String, Object> values() {
		return values;
	}

	/** The placeholder of the time that long ago. */
	String since(JsonNode duration, String at) {
		return add(Timestamp.from(ago(duration, at)));
	}

	/** The instant that long ago. */
	Instant ago(JsonNode duration, String at) {
		return SegmentValues.ago(now, duration, at);
	}

	/** A window that must be there, {"within": ..} and/or {"notWithin": ..}, as a test of the column. */
	String window(String column, JsonNode window, String at) {
		if (window == null || !window.isObject()) {
			throw new SegmentInvalid(at, "must be {\"within\": ..} or {\"notWithin\": ..}");
		}
		String sql = timeWindow(column, window, at);
		if (sql.isEmpty()) {
			throw new SegmentInvalid(at, "needs within or notWithin");
		}
		return sql.substring(" and ".length());
	}

	/** The node's within and notWithin, if any, as " and .." tests of the column. */
	String timeWindow(String column, JsonNode node, String at) {
		String sql = "";
		if (node.has("within")) {
			sql += " and " + column + " >= " + since(node.get("within"), at + "/within");
		}
		if (node.has("notWithin")) {
			sql += " and " + column + " < " + since(node.get("notWithin"), at + "/notWithin");
		}
		return sql;
	}
}
