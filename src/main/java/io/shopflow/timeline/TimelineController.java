package io.shopflow.timeline;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/customers/{id}/timeline, oldest first: what support needs to answer "why did this customer get,
 * or not get, this message?". For ids with characters a path cannot carry (an encoded /, %, ; or \ is rejected by
 * the firewall), GET /api/customers/timeline?id=.
 */
@RestController
class TimelineController {

	/** Within one instant (one transaction), causes before effects: the event, then what it changed. */
	private static final List<String> CAUSAL_ORDER = List.of("event", "consent", "flow-entered", "message-deferred",
			"message-skipped", "message-failed", "message-sent", "flow-exited");

	private final List<TimelineSource> sources;

	TimelineController(List<TimelineSource> sources) {
		this.sources = sources;
	}

	@GetMapping("/api/customers/{id}/timeline")
	List<TimelineEntry> timeline(@PathVariable String id) {
		return sources.stream()
				.flatMap(source -> source.entriesOf(id).stream())
				.sorted(Comparator.comparing(TimelineEntry::at).thenComparing(entry -> CAUSAL_ORDER.indexOf(entry.kind())))
				.toList();
	}

	@GetMapping("/api/customers/timeline")
	List<TimelineEntry> timelineById(@RequestParam String id) {
		return timeline(id);
	}
}
