package io.shopflow.customers.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.shopflow.events.Channel;
import io.shopflow.customers.Consents;
import io.shopflow.customers.Customer;
import io.shopflow.customers.CustomerLinks;
import io.shopflow.customers.Customers;
import io.shopflow.events.Envelope;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventTypes;
import io.shopflow.events.ShopEvent.ConsentFlags;
import io.shopflow.events.ShopEvent.CustomerUpdated;
import io.shopflow.events.ShopEvent.Profile;
import io.shopflow.templates.TemplateRenderer;
import io.shopflow.tracking.ErasedCustomers;
import io.shopflow.tracking.LinkSigner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preference centre behind the signed link in every email's footer: consent per channel, and a 30 or 90
 * day pause. Consent changes travel as a shop.customer.updated event, so they are recorded like any other
 * (source shopflow:preference-centre). Rendered from templates/pages/preferences/form.&lt;locale&gt;.vm.
 * The link of an erased customer is gone (410) and shows and changes nothing.
 */
@RestController
class PreferenceCentreController {

	private static final String SOURCE = "shopflow:preference-centre";

	private final LinkSigner links;
	private final ErasedCustomers erased;
	private final Customers customers;
	private final Consents consents;
	private final EventIntake intake;
	private final TemplateRenderer templates;
	private final Clock clock;
	private final Map<String, String> shop;

	PreferenceCentreController(LinkSigner links, ErasedCustomers erased, Customers customers, Consents consents,
			EventIntake intake, TemplateRenderer templates, Clock clock, @Value("${shopflow.shop.name}") String shopName,
			@Value("${shopflow.shop.url}") String shopUrl) {
		this.links = links;
		this.erased = erased;
		this.customers = customers;
		this.consents = consents;
		this.intake = intake;
		this.templates = templates;
		this.clock = clock;
		this.shop = Map.of("name", shopName, "url", shopUrl);
	}

	@GetMapping(path = "/preferences/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> show(@PathVariable String token, CsrfToken csrf) {
		if (erasedCustomer(token)) {
			return UnsubscribeController.gone();
		}
		return customer(token).map(customer -> page(customer, false, csrf)).orElse(ResponseEntity.notFound().build());
	}

	@PostMapping(path = "/preferences/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> save(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(defaultValue = "none") String pause, CsrfToken csrf) {
		if (erasedCustomer(token)) {
			return UnsubscribeController.gone();
		}
		Optional<Customer> found = customer(token);
		if (found.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		String id = found.get().id();
		ConsentFlags flags = new ConsentFlags(said(form));
		var envelope = new Envelope("preferences-" + java.util.UUID.randomUUID(), SOURCE, EventTypes.CUSTOMER_UPDATED,
				id, OffsetDateTime.now(clock), JsonNodeFactory.instance.objectNode());
		intake.accept(List.of(new CustomerUpdated(envelope, new Profile(null, null, null, null, null, null, null), flags)));
		switch (pause) {
			case "30", "90" -> customers.pause(id, clock.instant().plus(Duration.ofDays(Long.parseLong(pause))));
			default -> customers.pause(id, null);
		}
		return page(customers.find(id).orElseThrow(), true, csrf);
	}

	/**
	 * A checked box per channel the form offered (its hidden "offered" fields, templates/pages/preferences);
	 * channels the form did not show keep their consent. A form without them offered email, SMS and push.
	 */
	private static Map<Channel, Boolean> said(MultiValueMap<String, String> form) {
		List<String> offered = form.getOrDefault("offered", List.of("email", "sms", "push"));
		Map<Channel, Boolean> said = new java.util.EnumMap<>(Channel.class);
		offered.forEach(key -> Channel.find(key).ifPresent(channel -> said.put(channel, form.containsKey(key))));
		return said;
	}

	private Optional<Customer> customer(String token) {
		return links.verify(CustomerLinks.PREFERENCES, token).flatMap(customers::find);
	}

	private boolean erasedCustomer(String token) {
		return links.verify(CustomerLinks.PREFERENCES, token).map(erased::erased).orElse(false);
	}

	/** The form, with the CSRF token of this browser's session: a page on another site cannot post it. */
	private ResponseEntity<String> page(Customer customer, boolean saved, CsrfToken csrf) {
		Map<String, Object> consent = new LinkedHashMap<>();
		for (Channel channel : Channel.values()) {
			consent.put(channel.key(), consents.granted(customer.id(), channel));
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("consent", consent);
		model.put("shop", shop);
		model.put("saved", saved);
		model.put("csrf", Map.of("parameterName", csrf.getParameterName(), "token", csrf.getToken()));
		if (customer.pausedAt(clock.instant())) {
			model.put("pausedUntil", customer.pausedUntil().atOffset(ZoneOffset.UTC).toLocalDate().toString());
		}
		String html = templates.render("pages", "preferences", "form", customer.preferredLocale(null), model).html();
		return ResponseEntity.ok()
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
				.header("Cache-Control", "no-store")
				.body(html);
	}
}
