package io.shopflow.segments;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values of a segment definition, read strictly: a duration, count, date or text out of range is a
 * SegmentInvalid naming it (a 400), never a failure of the query. Durations go back at most 100 years, counts
 * are whole numbers up to 2147483647, texts are at most 500 characters.
 */
final class SegmentValues {

	static final Duration LONGEST = Duration.ofDays(36_525);
	static final int LONGEST_TEXT = 500;

	private SegmentValues() {
	}

	/** The instant that long before now: an ISO-8601 duration from PT0S to P36525D (100 years). */
	static Instant ago(Instant now, JsonNode duration, String at) {
		Duration parsed;
		try {
			parsed = duration.isTextual() ? Duration.parse(duration.asText()) : null;
		}
		catch (DateTimeException | ArithmeticException e) {
			parsed = null;
		}
		if (parsed == null) {
			throw new SegmentInvalid(at, "must be an ISO-8601 duration such as P30D");
		}
		if (parsed.isNegative() || parsed.compareTo(LONGEST) > 0) {
			throw new SegmentInvalid(at, "must be a duration from PT0S to P36525D (100 years)");
		}
		return now.minus(parsed);
	}

	/** A whole number from min up, or the default when absent; a number in text ("4") counts too. */
	static int count(JsonNode node, String field, String at, int min, int absent) {
		JsonNode value = node.get(field);
		if (value == null) {
			return absent;
		}
		Integer count = null;
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			count = value.intValue();
		}
		else if (value.isTextual()) {
			try {
				count = Integer.valueOf(value.asText().trim());
			}
			catch (NumberFormatException e) {
				count = null;
			}
		}
		if (count == null || count < min) {
			throw new SegmentInvalid(at + "/" + field, "must be a whole number from " + min + " to " + Integer.MAX_VALUE);
		}
		return count;
	}

	/** A text (a number or true/false is taken as its text) of at most 500 characters. */
	static String text(JsonNode value, String at) {
		if (value == null || !value.isValueNode() || value.isNull() || value.asText().length() > LONGEST_TEXT) {
			throw new SegmentInvalid(at, "must be a text of at most " + LONGEST_TEXT + " characters");
		}
		return value.asText();
	}

	/** An ISO date (2026-01-31). */
	static java.sql.Date date(JsonNode value, String at) {
		try {
			return java.sql.Date.valueOf(LocalDate.parse(text(value, at)));
		}
		catch (DateTimeException | IllegalArgumentException e) {
			throw new SegmentInvalid(at, "must be a date such as 1990-05-17");
		}
	}

	/** The text as a LIKE pattern that matches it literally, for "like .. escape '\'". */
	static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
