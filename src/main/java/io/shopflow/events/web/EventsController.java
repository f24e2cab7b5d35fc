package io.shopflow.events.web;

import java.util.List;
import java.util.Map;

import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.events.ShopEvent;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/events: one CloudEvent (structured, or binary with ce-* headers) or a batch. Answers 202 with
 * the ids once they are durably processed; a redelivered id is answered the same way and not processed again.
 */
@RestController
class EventsController {

	private final EventParser parser;
	private final EventIntake intake;

	EventsController(EventParser parser, EventIntake intake) {
		this.parser = parser;
		this.intake = intake;
	}

	@PostMapping(path = "/api/events",
			consumes = { "application/cloudevents+json", "application/cloudevents-batch+json", "application/json" })
	ResponseEntity<Map<String, List<String>>> receive(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
		List<ShopEvent> events = BinaryMode.isUsedBy(headers) ? List.of(parser.parse(BinaryMode.read(headers, body)))
				: parser.parse(body);
		return ResponseEntity.accepted().body(Map.of("accepted", intake.accept(events)));
	}
}
