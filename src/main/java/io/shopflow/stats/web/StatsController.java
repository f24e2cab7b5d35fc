package io.shopflow.stats.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.shopflow.flows.FlowDiagrams;
import io.shopflow.stats.FlowStats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flow statistics for the dashboard and for anyone with the API token: from and to are dates (UTC, both
 * included), by default the last 30 days. The answer has a row per day asked, so the range is capped
 * (shopflow.stats.max-range-days); a longer one, or one that ends before it starts, is a 400.
 */
@RestController
@RequestMapping("/api/stats/flows")
class StatsController {

	private final FlowStats stats;
	private final FlowDiagrams diagrams;
	private final Clock clock;
	private final int maxRangeDays;

	StatsController(FlowStats stats, FlowDiagrams diagrams, Clock clock, StatsSettings settings) {
		this.stats = stats;
		this.diagrams = diagrams;
		this.clock = clock;
		this.maxRangeDays = settings.maxRangeDays();
	}

	@GetMapping
	List<FlowStats.Flow> all(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return stats.all(checked(from(from, to), to(to)), to(to));
	}

	@GetMapping("/{key}")
	FlowStats.Flow one(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return stats.of(key, checked(from(from, to), to(to)), to(to));
	}

	/** The flow's newest BPMN model, for the dashboard's diagram. */
	@GetMapping(path = "/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> diagram(@PathVariable String key) {
		return ResponseEntity.of(diagrams.latest(key));
	}

	@ExceptionHandler(StatsRangeInvalid.class)
	ResponseEntity<ProblemDetail> invalid(StatsRangeInvalid e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid date range");
		problem.setType(URI.create("https://shopflow.io/problems/invalid-date-range"));
		problem.setProperty("errors", e.parameters().stream()
				.map(parameter -> Map.of("pointer", "?" + parameter, "detail", e.getMessage())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/** The range, when the statistics are answered for it: years 1 to 9999, from not after to, and not too long. */
	private LocalDate checked(LocalDate from, LocalDate to) {
		if (from.getYear() < 1 || from.getYear() > 9999) {
			throw new StatsRangeInvalid(List.of("from"), "from must be a date of the years 1 to 9999");
		}
		if (to.getYear() < 1 || to.getYear() > 9999) {
			throw new StatsRangeInvalid(List.of("to"), "to must be a date of the years 1 to 9999");
		}
		if (from.isAfter(to)) {
			throw new StatsRangeInvalid(List.of("from", "to"), "from (" + from + ") must not be after to (" + to + ")");
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		if (days > maxRangeDays) {
			throw new StatsRangeInvalid(List.of("from", "to"), "from " + from + " to " + to + " is " + days
					+ " days; ask for at most " + maxRangeDays + " days at a time");
		}
		return from;
	}

	private LocalDate to(LocalDate to) {
		return to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
	}

	private LocalDate from(LocalDate from, LocalDate to) {
		return from == null ? to(to).minusDays(29) : from;
	}
}
