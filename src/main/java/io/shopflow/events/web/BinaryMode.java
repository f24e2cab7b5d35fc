package io.shopflow.events.web;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;

import io.shopflow.events.EventRejected;
import io.shopflow.events.Violation;

import org.springframework.http.HttpHeaders;

/**
 * A CloudEvent in HTTP binary mode, as the CloudEvents SDKs send it: the attributes in ce-* headers, the data as
 * the body. A missing attribute is named by its header; whatever else the SDK cannot read is the sender's error.
 */
final class BinaryMode {

	private static final List<String> REQUIRED = List.of("ce-id", "ce-source", "ce-type");

	private BinaryMode() {
	}

	static boolean isUsedBy(HttpHeaders headers) {
		return headers.containsKey("ce-specversion");
	}

	static CloudEvent read(HttpHeaders headers, byte[] body) {
		List<Violation> missing = new ArrayList<>();
		for (String header : REQUIRED) {
			String value = headers.getFirst(header);
			if (value == null || value.isBlank()) {
				missing.add(new Violation("/" + header.substring(3), "the " + header + " header is required"));
			}
		}
		if (!missing.isEmpty()) {
			throw new EventRejected(missing);
		}
		try {
			return CloudEventHttpUtils.toReader(headers, () -> body).toEvent();
		}
		catch (RuntimeException e) {
			// CloudEventRWException, or with a cloudevents+json Content-Type the SDK's own JSON reading failing:
			// all of it about the request
			throw new EventRejected(List.of(new Violation("", "the ce-* headers are not a valid CloudEvent: "
					+ e.getMessage())));
		}
	}
}
