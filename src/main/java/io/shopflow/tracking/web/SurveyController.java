package io.shopflow.tracking.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.shopflow.tracking.ErasedCustomers;
import io.shopflow.tracking.LinkSigner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click answers to the one-question survey in a message: /survey/{signed customer and flow}?answer=price.
 * Answers are counted per flow; the last answer of a customer counts.
 */
@RestController
class SurveyController {

	private static final Set<String> ANSWERS = Set.of("price", "selection", "service", "other");

	private final LinkSigner links;
	private final ErasedCustomers erased;
	private final JdbcClient jdbc;
	private final Clock clock;

	SurveyController(LinkSigner links, ErasedCustomers erased, JdbcClient jdbc, Clock clock) {
		this.links = links;
		this.erased = erased;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping(path = "/survey/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> answer(@PathVariable String token, @RequestParam String answer) {
		var payload = links.verify(LinkSigner.SURVEY, token);
		if (payload.isEmpty() || !ANSWERS.contains(answer)) {
			return ResponseEntity.notFound().build();
		}
		String[] customerAndFlow = payload.get().split("\n", 2);
		if (erased.erased(customerAndFlow[0])) {
			return ResponseEntity.status(HttpStatus.GONE).build();
		}
		jdbc.sql("insert into survey_answers (customer_id, flow, answer, answered_at) values (?, ?, ?, ?)")
				.params(customerAndFlow[0], customerAndFlow[1], answer, Timestamp.from(Instant.now(clock)))
				.update();
		return ResponseEntity.ok()
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
				.body("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
						+ "content=\"width=device-width\"><title>Thank you</title></head><body style=\"font-family:"
						+ "sans-serif;max-width:32em;margin:4em auto\"><h1>Thank you!</h1><p>Your answer helps us "
						+ "do better.</p></body></html>");
	}
}
