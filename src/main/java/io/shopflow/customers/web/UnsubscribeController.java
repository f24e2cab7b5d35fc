package io.shopflow.customers.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.shopflow.customers.Consents;
import io.shopflow.customers.CustomerLinks;
import io.shopflow.events.Envelope;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventTypes;
import io.shopflow.events.ShopEvent.CustomerUnsubscribed;
import io.shopflow.tracking.ErasedCustomers;
import io.shopflow.tracking.LinkSigner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The signed unsubscribe link of every marketing message. GET shows a confirmation button (mail scanners
 * follow links, and must not unsubscribe anyone); POST, from that button or a mail client's RFC 8058
 * one-click, turns the link into a shop.customer.unsubscribed event, so consent and flows change the usual way.
 * The link of an erased customer is gone (410) and changes nothing.
 */
@RestController
class UnsubscribeController {

	private static final String SOURCE = "shopflow:unsubscribe-link";

	private final LinkSigner links;
	private final ErasedCustomers erased;
	private final Consents consents;
	private final EventIntake intake;

	UnsubscribeController(LinkSigner links, ErasedCustomers erased, Consents consents, EventIntake intake) {
		this.links = links;
		this.erased = erased;
		this.consents = consents;
		this.intake = intake;
	}

	@GetMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@PathVariable String token) {
		var payload = links.verify(CustomerLinks.UNSUBSCRIBE, token);
		if (payload.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (erased.erased(customerOf(payload.get()))) {
			return gone();
		}
		return page("Unsubscribe?", "<form method=\"post\"><p>Stop receiving these messages?</p>"
				+ "<button type=\"submit\">Unsubscribe</button></form>");
	}

	@PostMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribe(@PathVariable String token) {
		var payload = links.verify(CustomerLinks.UNSUBSCRIBE, token);
		if (payload.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		String[] parts = payload.get().split("\n", 2);
		if (erased.erased(parts[0])) {
			return gone();
		}
		String channel = parts.length > 1 ? parts[1] : "all";
		var data = JsonNodeFactory.instance.objectNode().put("channel", channel);
		// The same link clicked twice (a mail client's one-click and the button, a retry) is one event, until the
		// customer consents again: then the next click is a new unsubscribe and must count.
		var envelope = new Envelope("unsubscribe-" + sha256(token + "\n" + consents.lastGrant(parts[0])), SOURCE,
				EventTypes.CUSTOMER_UNSUBSCRIBED, parts[0], OffsetDateTime.now(), data);
		intake.accept(List.of(new CustomerUnsubscribed(envelope, channel)));
		return page("Unsubscribed", "<p>You are unsubscribed from " + HtmlUtils.htmlEscape(channel)
				+ " messages. Sorry to see you go.</p>");
	}

	private static String customerOf(String payload) {
		return payload.split("\n", 2)[0];
	}

	static ResponseEntity<String> gone() {
		return page(HttpStatus.GONE, "Link expired", "<p>This link no longer works: we do not hold your data any more.</p>");
	}

	private static ResponseEntity<String> page(String title, String body) {
		return page(HttpStatus.OK, title, body);
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status)
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
				.header("Cache-Control", "no-store")
				.body("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
						+ "content=\"width=device-width\"><title>" + title + "</title></head><body style=\""
						+ "font-family:sans-serif;max-width:32em;margin:4em auto\"><h1>" + title + "</h1>" + body
						+ "</body></html>");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
