package io.shopflow.channels.email;

import java.util.Map;

/** An email ready to go. messageId is derived from the send key, so a resent copy could be recognised. */
public record Email(String to, String subject, String html, String text, Map<String, String> headers,
		String messageId) {
}
