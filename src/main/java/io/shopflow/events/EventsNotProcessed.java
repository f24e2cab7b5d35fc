package io.shopflow.events;

import java.util.List;

/** Valid events that failed in processing; sending them again is safe, processed ids are skipped. */
public class EventsNotProcessed extends RuntimeException {

	private final List<String> ids;

	public EventsNotProcessed(List<String> ids, Throwable cause) {
		super("events not processed: " + ids, cause);
		this.ids = List.copyOf(ids);
	}

	public List<String> ids() {
		return ids;
	}
}
