package io.shopflow.integrations;

import java.util.List;

import io.shopflow.events.Violation;

/** A signed webhook whose body is not what its platform documents; pointers point into that body. */
public class WebhookMalformed extends RuntimeException {

	private final List<Violation> violations;

	public WebhookMalformed(List<Violation> violations) {
		super(violations.size() + " invalid field(s): " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
