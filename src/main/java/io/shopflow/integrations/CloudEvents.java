package io.shopflow.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the CloudEvents that a platform's webhook stands for, in the contract's shape (docs/api.md). */
final class CloudEvents {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private CloudEvents() {
	}

	static ObjectNode event(String id, String source, String type, String subject, String time, ObjectNode data) {
		ObjectNode event = JSON.objectNode()
				.put("specversion", "1.0")
				.put("id", id)
				.put("source", source)
				.put("type", type)
				.put("subject", subject)
				.put("datacontenttype", "application/json");
		if (time != null && !time.isBlank()) {
			event.put("time", time);
		}
		event.set("data", data);
		return event;
	}

	static ObjectNode data() {
		return JSON.objectNode();
	}

	static ArrayNode array() {
		return JSON.arrayNode();
	}

	/** The text of a field, or null when absent, null or empty. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
	}

	static void putIfPresent(ObjectNode data, String field, String value) {
		if (value != null) {
			data.put(field, value);
		}
	}
}
