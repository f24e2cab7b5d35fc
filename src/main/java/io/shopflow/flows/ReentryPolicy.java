package io.shopflow.flows;

import java.util.Locale;

/**
 * What a start event does when the customer already has a running instance of the flow that is not waiting
 * for it: restart it, ignore the event, or run a second instance alongside. Set per process with the
 * extension property shopflow.reentry.
 */
enum ReentryPolicy {

	RESTART, IGNORE, PARALLEL;

	static ReentryPolicy of(String value) {
		return value == null ? IGNORE : valueOf(value.trim().toUpperCase(Locale.ROOT));
	}
}
