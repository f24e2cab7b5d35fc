package io.shopflow.stats.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.shopflow.flows.FlowDiagrams;
import io.shopflow.stats.FlowStats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flow statistics for the dashboard and for anyone with the API token: from and to are dates (UTC, both
 * included), by default the last 30 days.
 */
@RestController
@RequestMapping("/api/stats/flows")
class StatsController {

	private final FlowStats stats;
	private final FlowDiagrams diagrams;
	private final Clock clock;

	StatsController(FlowStats stats, FlowDiagrams diagrams, Clock clock) {
		this.stats = stats;
		this.diagrams = diagrams;
		this.clock = clock;
	}

	@GetMapping
	List<FlowStats.Flow> all(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return stats.all(from(from, to), to(to));
	}

	@GetMapping("/{key}")
	FlowStats.Flow one(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return stats.of(key, from(from, to), to(to));
	}

	/** The flow's newest BPMN model, for the dashboard's diagram. */
	@GetMapping(path = "/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> diagram(@PathVariable String key) {
		return ResponseEntity.of(diagrams.latest(key));
	}

	private LocalDate to(LocalDate to) {
		return to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
	}

	private LocalDate from(LocalDate from, LocalDate to) {
		return from == null ? to(to).minusDays(29) : from;
	}
}
