package io.shopflow.events;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

import org.springframework.stereotype.Component;

/**
 * Turns CloudEvents (structured JSON, a JSON batch, or an SDK {@link CloudEvent} from binary mode) into
 * {@link ShopEvent}s. Collects every bad field of every event before rejecting, so a caller can fix all at once.
 */
@Component
public class EventParser {

	private final ObjectMapper json;

	EventParser(ObjectMapper json) {
		// amounts exactly as sent (10.00 stays 10.00, not 1E+1): a double cannot hold numeric(19, 4) and turns
		// 1e999 into Infinity
		this.json = json.copy().registerModule(JsonFormat.getCloudEventJacksonModule())
				.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
	}

	/** One event or a JSON array of events, structured mode. All or nothing. */
	public List<ShopEvent> parse(byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (IOException e) {
			throw new EventRejected(List.of(new Violation("", "body is not valid JSON: " + firstLine(e.getMessage()))));
		}
		if (root == null || root.isMissingNode()) {
			throw new EventRejected(List.of(new Violation("", "body is empty")));
		}
		List<Violation> violations = new ArrayList<>();
		List<ShopEvent> events = new ArrayList<>();
		if (root.isArray()) {
			if (root.isEmpty()) {
				throw new EventRejected(List.of(new Violation("", "batch is empty")));
			}
			for (int i = 0; i < root.size(); i++) {
				parseOne(root.get(i), "/" + i, violations, events);
			}
		}
		else {
			parseOne(root, "", violations, events);
		}
		if (!violations.isEmpty()) {
			throw new EventRejected(violations);
		}
		return events;
	}

	/** An event the CloudEvents SDK already read (binary mode over Kafka or HTTP). */
	public ShopEvent parse(CloudEvent event) {
		ObjectNode node = json.createObjectNode();
		for (String name : event.getAttributeNames()) {
			Object value = event.getAttribute(name);
			if (value != null) {
				node.put(name, value instanceof OffsetDateTime time ? time.toString() : value.toString());
			}
		}
		for (String name : event.getExtensionNames()) {
			node.put(name, String.valueOf(event.getExtension(name)));
		}
		if (event.getData() != null) {
			try {
				node.set("data", json.readTree(event.getData().toBytes()));
			}
			catch (IOException e) {
				throw new EventRejected(List.of(new Violation("/data", "must be JSON: " + firstLine(e.getMessage()))));
			}
		}
		List<Violation> violations = new ArrayList<>();
		List<ShopEvent> events = new ArrayList<>();
		parseOne(node, "", violations, events);
		if (!violations.isEmpty()) {
			throw new EventRejected(violations);
		}
		return events.get(0);
	}

	private void parseOne(JsonNode node, String at, List<Violation> violations, List<ShopEvent> events) {
		if (node == null || !node.isObject()) {
			violations.add(new Violation(at, "must be a CloudEvent JSON object"));
			return;
		}
		int before = violations.size();
		Fields attributes = new Fields(node, at, violations);
		String specVersion = attributes.requiredText("specversion");
		if (specVersion != null && !"1.0".equals(specVersion)) {
			violations.add(new Violation(at + "/specversion", "must be \"1.0\""));
		}
		String id = attributes.requiredText("id");
		String source = attributes.requiredText("source");
		if (source != null) {
			try {
				URI.create(source);
			}
			catch (IllegalArgumentException e) {
				violations.add(new Violation(at + "/source", "must be a URI-reference"));
			}
		}
		String type = attributes.requiredText("type");
		boolean known = type != null && EventData.knows(type);
		String subject = known && EventData.aboutOneCustomer(type) ? attributes.requiredText("subject") : attributes.optionalText("subject");
		OffsetDateTime time = null;
		String timeText = attributes.optionalText("time");
		if (timeText != null) {
			try {
				time = OffsetDateTime.parse(timeText);
			}
			catch (DateTimeParseException e) {
				violations.add(new Violation(at + "/time", "must be an RFC 3339 timestamp"));
			}
		}
		JsonNode data = node.get("data");
		if (data == null && node.hasNonNull("data_base64")) {
			violations.add(new Violation(at + "/data_base64", "binary data is not supported; send JSON data"));
		}
		if (known && (data == null || !data.isObject())) {
			violations.add(new Violation(at + "/data", "must be a JSON object"));
		}
		if (violations.size() > before) {
			return;
		}
		try {
			// the SDK is the judge of the envelope; a failure here means an attribute we do not check ourselves
			json.treeToValue(node, CloudEvent.class);
		}
		catch (IOException | RuntimeException e) {
			violations.add(new Violation(at, "not a valid CloudEvent: " + firstLine(e.getMessage())));
			return;
		}
		Envelope envelope = new Envelope(id, source, type, subject, time, data);
		ShopEvent event = EventData.read(envelope, new Fields(data, at + "/data", violations));
		if (violations.size() == before) {
			events.add(event);
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
