package io.shopflow.segments;

import java.util.Map;

/** A compiled segment: a predicate over customers c, with its named parameters. */
public record SegmentQuery(String predicate, Map<String, Object> parameters) {

	public String members() {
		return "select c.id from customers c where " + predicate;
	}
}
