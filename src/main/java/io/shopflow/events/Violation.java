package io.shopflow.events;

/** One bad field: a JSON pointer into the request body (RFC 6901) and what is wrong with it. */
public record Violation(String pointer, String detail) {
}
