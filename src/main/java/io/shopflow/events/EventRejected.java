package io.shopflow.events;

import java.util.List;

/** Input that is not a valid shop event; nothing of it was applied. */
public class EventRejected extends RuntimeException {

	private final List<Violation> violations;

	public EventRejected(List<Violation> violations) {
		super(violations.size() + " invalid field(s): " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
