package io.shopflow.integrations;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.shopflow.events.Violation;

/**
 * The JSON types of the fields a platform's webhook mapping reads, checked before it reads them, so a signed but
 * malformed body is a WebhookMalformed naming its fields (a 400), not a failure further on. Absent and null fields
 * pass unless required.
 */
final class BodyCheck {

	private final List<Violation> violations = new ArrayList<>();

	/** The body, which must be a JSON object. */
	static JsonNode object(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new WebhookMalformed(List.of(new Violation("", "the body must be a JSON object")));
		}
		return body;
	}

	BodyCheck required(JsonNode node, String at, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
			add(at, field, "is required: a text or number");
		}
		return this;
	}

	BodyCheck text(JsonNode node, String at, String... fields) {
		for (String field : fields) {
			if (present(node, field) && !node.get(field).isValueNode()) {
				add(at, field, "must be a text or number");
			}
		}
		return this;
	}

	BodyCheck number(JsonNode node, String at, String... fields) {
		for (String field : fields) {
			if (present(node, field) && !decimal(node.get(field))) {
				add(at, field, "must be a number");
			}
		}
		return this;
	}

	BodyCheck wholeNumber(JsonNode node, String at, String field) {
		if (present(node, field) && !(node.get(field).isIntegralNumber() && node.get(field).canConvertToInt())) {
			add(at, field, "must be a whole number");
		}
		return this;
	}

	BodyCheck bool(JsonNode node, String at, String field) {
		if (present(node, field) && !node.get(field).isBoolean()) {
			add(at, field, "must be true or false");
		}
		return this;
	}

	/** An RFC 3339 time, or with local (WooCommerce's _gmt fields: UTC without an offset). */
	BodyCheck time(JsonNode node, String at, String field, boolean local) {
		if (present(node, field)) {
			try {
				if (local) {
					LocalDateTime.parse(node.get(field).asText());
				}
				else {
					OffsetDateTime.parse(node.get(field).asText());
				}
			}
			catch (DateTimeParseException e) {
				add(at, field, local ? "must be a time such as 2025-10-14T07:12:40" : "must be an RFC 3339 time");
			}
		}
		return this;
	}

	/** The field's object, or a missing node when it is absent or null. */
	JsonNode object(JsonNode node, String at, String field) {
		if (present(node, field) && !node.get(field).isObject()) {
			add(at, field, "must be an object");
			return MissingNode.getInstance();
		}
		return node.path(field);
	}

	/** The field's array of objects, each with its pointer; none when it is absent or null. */
	List<Element> objects(JsonNode node, String at, String field) {
		List<Element> elements = new ArrayList<>();
		if (!present(node, field)) {
			return elements;
		}
		JsonNode array = node.get(field);
		if (!array.isArray()) {
			add(at, field, "must be an array");
			return elements;
		}
		for (int i = 0; i < array.size(); i++) {
			if (array.get(i).isObject()) {
				elements.add(new Element(array.get(i), at + "/" + field + "/" + i));
			}
			else {
				add(at + "/" + field, Integer.toString(i), "must be an object");
			}
		}
		return elements;
	}

	record Element(JsonNode node, String at) {
	}

	void done() {
		if (!violations.isEmpty()) {
			throw new WebhookMalformed(violations);
		}
	}

	private static boolean present(JsonNode node, String field) {
		return node.hasNonNull(field);
	}

	private static boolean decimal(JsonNode value) {
		if (value.isNumber()) {
			return !value.isFloatingPointNumber() || Double.isFinite(value.doubleValue());
		}
		if (!value.isTextual()) {
			return false;
		}
		try {
			new BigDecimal(value.asText().trim());
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private void add(String at, String field, String detail) {
		violations.add(new Violation(at + "/" + field.replace("~", "~0").replace("/", "~1"), detail));
	}
}
