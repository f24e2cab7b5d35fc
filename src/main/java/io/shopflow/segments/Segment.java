package io.shopflow.segments;

import com.fasterxml.jackson.databind.JsonNode;

/** A stored segment: key, name, the version of its definition, and the condition. */
public record Segment(String key, String name, int version, JsonNode condition) {
}
