package io.shopflow.segments;

import java.util.Map;

/**
 * A compiled segment: a predicate over customers c, with its named parameters. Its members are found either
 * among all customers or, when the segment has a condition every member must meet that is answered by a
 * per-customer table (an event count in a window, an order count), among that condition's customers alone:
 * the same members, without reading a million customers' rows to find a hundred thousand.
 */
public record SegmentQuery(String predicate, Map<String, Object> parameters, String drivenMembers) {

	public SegmentQuery(String predicate, Map<String, Object> parameters) {
		this(predicate, parameters, null);
	}

	/** A query for the members' ids as c.id, ending in a where clause that callers may extend with "and ..". */
	public String members() {
		return drivenMembers != null ? drivenMembers : "select c.id from customers c where (" + predicate + ")";
	}
}
