package io.shopflow.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a customer. kind is one of event, consent, flow-entered, flow-exited,
 * message-sent, message-skipped, message-deferred, message-failed; reason says why where there is a why.
 */
public record TimelineEntry(Instant at, String kind, String summary, String reason, Map<String, Object> details) {
}
