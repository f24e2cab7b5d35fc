package io.shopflow.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads fields of one JSON object and records a {@link Violation} for each bad one. */
class Fields {

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private final JsonNode node;
	private final String at;
	private final List<Violation> violations;

	/** What the columns that keep them hold; a longer value is the sender's error, not a failure of ours. */
	private static final java.util.Map<String, Integer> MAX_LENGTH = java.util.Map.ofEntries(
			java.util.Map.entry("id", 300), java.util.Map.entry("source", 500), java.util.Map.entry("type", 200),
			java.util.Map.entry("subject", 128), java.util.Map.entry("productId", 128), java.util.Map.entry("cartId", 128),
			java.util.Map.entry("orderId", 128), java.util.Map.entry("firstName", 200), java.util.Map.entry("lastName", 200),
			java.util.Map.entry("name", 500), java.util.Map.entry("category", 200), java.util.Map.entry("couponCode", 64),
			java.util.Map.entry("email", 320), java.util.Map.entry("text", 2000), java.util.Map.entry("version", 100));
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

	BigDecimal requiredDecimal(String name) {
		if (!node.hasNonNull(name)) {
			bad(name, "is required");
			return null;
		}
		return optionalDecimal(name);
	}

	BigDecimal optionalDecimal(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isTextual()) {
			try {
				return new BigDecimal(value.asText());
			}
			catch (NumberFormatException e) {
				// fall through
			}
		}
		bad(name, "must be a number");
		return null;
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

	String currency(String name, boolean required) {
		String value = required ? requiredText(name) : optionalText(name);
		if (value != null && !CURRENCY.matcher(value).matches()) {
			bad(name, "must be an ISO 4217 code such as EUR");
			return null;
		}
		return value;
	}

	String email(String name, boolean required) {
		String value = required ? requiredText(name) : optionalText(name);
		if (value != null && !EMAIL.matcher(value).matches()) {
			bad(name, "must be an email address");
			return null;
		}
		return value;
	}

	String phone(String name) {
		String value = optionalText(name);
		if (value != null && !E164.matcher(value).matches()) {
			bad(name, "must be an E.164 phone number such as +46701234567");
			return null;
		}
		return value;
	}

	String locale(String name) {
		String value = optionalText(name);
		if (value != null && Locale.forLanguageTag(value).getLanguage().isEmpty()) {
			bad(name, "must be a BCP 47 language tag such as sv-SE");
			return null;
		}
		return value;
	}

	String timeZone(String name) {
		String value = optionalText(name);
		if (value != null) {
			try {
				ZoneId.of(value);
			}
			catch (RuntimeException e) {
				bad(name, "must be an IANA time zone such as Europe/Stockholm");
				return null;
			}
		}
		return value;
	}

	/** A positive ISO-8601 duration of days or time, e.g. P30D or PT720H. */
	java.time.Duration duration(String name) {
		String value = optionalText(name);
		if (value != null) {
			try {
				java.time.Duration duration = java.time.Duration.parse(value);
				if (!duration.isNegative() && !duration.isZero()) {
					return duration;
				}
			}
			catch (DateTimeParseException e) {
				// reported below
			}
			bad(name, "must be a positive ISO-8601 duration such as P30D");
		}
		return null;
	}

	LocalDate date(String name) {
		String value = optionalText(name);
		if (value != null) {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException e) {
				bad(name, "must be a date YYYY-MM-DD");
			}
		}
		return null;
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

	int positiveInt(String name, int defaultValue) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
			bad(name, "must be a whole number of at least 1");
			return defaultValue;
		}
		return value.asInt();
	}

	void bad(String name, String detail) {
		violations.add(new Violation(at + "/" + name, detail));
	}
}
