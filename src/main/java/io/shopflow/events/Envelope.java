package io.shopflow.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** The CloudEvents attributes Shopflow keeps, plus the raw data for the event store. */
public record Envelope(String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {
}
