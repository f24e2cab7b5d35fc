package io.shopflow.channels.email;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The built-in outbox, behind the API token: newest first, and each email's HTML as a page. */
@RestController
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping(path = "/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Outbox.Entry> list(@RequestParam(defaultValue = "50") int limit) {
		return outbox.latest(Math.min(Math.max(limit, 1), 500));
	}

	@GetMapping(path = "/outbox/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> html(@PathVariable long id) {
		return outbox.find(id)
				.map(entry -> ResponseEntity.ok()
						.header("Content-Security-Policy", "default-src 'none'; img-src * data:; style-src 'unsafe-inline'")
						.body(entry.html()))
				.orElse(ResponseEntity.notFound().build());
	}
}
