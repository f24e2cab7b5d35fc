package io.shopflow.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields of one JSON object and records a {@link Violation} for each bad one. */
class Fields {

	private final JsonNode node;
	private final String at;
	private final List<Violation> violations;

	/** What the columns that keep them hold; a longer value is the sender's error, not a failure of ours. */
	private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
			Map.entry("id", 300), Map.entry("source", 500), Map.entry("type", 200),
			Map.entry("subject", 128), Map.entry("productId", 128), Map.entry("cartId", 128),
			Map.entry("orderId", 128), Map.entry("firstName", 200), Map.entry("lastName", 200),
			Map.entry("name", 500), Map.entry("category", 200), Map.entry("couponCode", 64),
			Map.entry("email", 320), Map.entry("text", 2000), Map.entry("version", 100));
	private static final int DEFAULT_MAX_LENGTH = 2000;

	Fields(JsonNode node, String at, List<Violation> violations) {
		this.node = node;
		this.at = at;
		this.violations = violations;
	}

	String requiredText(String name) {
		String value = optionalText(name);
		if (value == null && !node.hasNonNull(name)) {
			bad(name, "is required");
		}
		return value;
	}

	String optionalText(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual() || value.asText().isBlank()) {
			bad(name, "must be a non-empty string");
			return null;
		}
		int max = MAX_LENGTH.getOrDefault(name, DEFAULT_MAX_LENGTH);
		if (value.asText().length() > max) {
			bad(name, "must be at most " + max + " characters");
			return null;
		}
		return value.asText();
	}

	String requiredText(String name, TextFormat format) {
		return matching(name, requiredText(name), format);
	}

	String optionalText(String name, TextFormat format) {
		return matching(name, optionalText(name), format);
	}

	/** An amount of money (a total, a price) as its numeric(19, 4) column holds it; see {@link Amounts}. */
	BigDecimal amount(String name, boolean required) {
		BigDecimal value = decimal(name, required);
		BigDecimal stored = value == null ? null : Amounts.asStored(value);
		if (value != null && stored == null) {
			bad(name, Amounts.RULE);
		}
		return stored;
	}

	Boolean optionalBoolean(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			bad(name, "must be true or false");
			return null;
		}
		return value.asBoolean();
	}

	/** A positive ISO-8601 duration of days or time, e.g. P30D or PT720H. */
	Duration duration(String name) {
		return parsed(name, text -> {
			Duration duration = Duration.parse(text);
			return duration.isNegative() || duration.isZero() ? null : duration;
		}, "must be a positive ISO-8601 duration such as P30D");
	}

	LocalDate date(String name) {
		return parsed(name, LocalDate::parse, "must be a date YYYY-MM-DD");
	}

	JsonNode requiredObject(String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isObject()) {
			bad(name, "must be a JSON object");
			return null;
		}
		return value;
	}

	Fields object(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			bad(name, "must be a JSON object");
			return null;
		}
		return new Fields(value, at + "/" + name, violations);
	}

	<T> List<T> requiredList(String name, Function<Fields, T> element) {
		JsonNode value = node.get(name);
		if (value == null || !value.isArray()) {
			bad(name, "must be a JSON array");
			return List.of();
		}
		List<T> list = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			String itemAt = at + "/" + name + "/" + i;
			if (!item.isObject()) {
				violations.add(new Violation(itemAt, "must be a JSON object"));
				continue;
			}
			list.add(element.apply(new Fields(item, itemAt, violations)));
		}
		return list;
	}

	/** A whole number an int column holds, from 1 to 2147483647. */
	int positiveInt(String name, int defaultValue) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
			bad(name, "must be a whole number from 1 to " + Integer.MAX_VALUE);
			return defaultValue;
		}
		return value.asInt();
	}

	private String matching(String name, String value, TextFormat format) {
		if (value != null && !format.accepts(value)) {
			bad(name, format.rule());
			return null;
		}
		return value;
	}

	/** @param parse null, or DateTimeParseException, for text that breaks the rule */
	private <T> T parsed(String name, Function<String, T> parse, String rule) {
		String value = optionalText(name);
		if (value == null) {
			return null;
		}
		try {
			T parsed = parse.apply(value);
			if (parsed != null) {
				return parsed;
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		bad(name, rule);
		return null;
	}

	private BigDecimal decimal(String name, boolean required) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				bad(name, "is required");
			}
			return null;
		}
		try {
			if (value.isNumber()) {
				return value.decimalValue();
			}
			if (value.isTextual()) {
				return new BigDecimal(value.asText());
			}
		}
		catch (NumberFormatException e) {
			// an infinite double (1e999) or text that is no number; reported below
		}
		bad(name, "must be a number");
		return null;
	}

	void bad(String name, String detail) {
		violations.add(new Violation(at + "/" + name, detail));
	}
}
