package io.shopflow.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.shopflow.support.HttpUrls;

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

	/** What numeric(19, 4) holds: up to 15 digits before the point; more than 4 after it are rounded off. */
	private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E15");
	private static final BigDecimal ROUNDS_TO_ZERO = new BigDecimal("0.00005");
	private static final int AMOUNT_SCALE = 4;

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

	private BigDecimal requiredDecimal(String name) {
		if (!node.hasNonNull(name)) {
			bad(name, "is required");
			return null;
		}
		return optionalDecimal(name);
	}

	private BigDecimal optionalDecimal(String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
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

	/**
	 * An amount of money (a total, a price) as its numeric(19, 4) column holds it: from 0 to 999999999999999.9999.
	 * More than 4 decimals are rounded as the database would, so a tiny 1e-999999999 never reaches a template.
	 */
	BigDecimal amount(String name, boolean required) {
		BigDecimal value = required ? requiredDecimal(name) : optionalDecimal(name);
		if (value == null) {
			return null;
		}
		// compareTo is cheap even for 1e999999999; setScale is not, so it only sees values in range
		if (value.signum() < 0 || value.compareTo(AMOUNT_LIMIT) >= 0) {
			bad(name, "must be an amount from 0 to 999999999999999.9999");
			return null;
		}
		if (value.scale() < 0) {
			return value.setScale(0); // 1e3 is 1000, not 1E+3 in an email
		}
		if (value.scale() <= AMOUNT_SCALE) {
			return value;
		}
		BigDecimal rounded = value.compareTo(ROUNDS_TO_ZERO) < 0 ? BigDecimal.ZERO.setScale(AMOUNT_SCALE)
				: value.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
		if (rounded.compareTo(AMOUNT_LIMIT) >= 0) {
			bad(name, "must be an amount from 0 to 999999999999999.9999");
			return null;
		}
		return rounded;
	}

	/** An absolute http or https URL, the only links from shop data that may reach a message. */
	String url(String name) {
		String value = optionalText(name);
		if (value != null && !HttpUrls.isHttp(value)) {
			bad(name, "must be an absolute http or https URL");
			return null;
		}
		return value;
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

	void bad(String name, String detail) {
		violations.add(new Violation(at + "/" + name, detail));
	}
}
