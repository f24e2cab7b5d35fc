package io.shopflow.integrations.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.events.Violation;
import io.shopflow.integrations.ShopWebhook;
import io.shopflow.integrations.ShopifyWebhooks;
import io.shopflow.integrations.WebhookMalformed;
import io.shopflow.integrations.WebhookSettings;
import io.shopflow.integrations.WooCommerceWebhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop platforms' own webhooks, verified by their signatures over the raw body and turned into shop
 * events that go through the same intake as /api/events (validation, dedupe, one transaction). A signed body
 * that is no JSON, or not what the platform documents, is a 400 naming the field.
 */
@RestController
class ShopWebhooksController {

	private static final Logger log = LoggerFactory.getLogger(ShopWebhooksController.class);

	private final WebhookSettings settings;
	private final ShopifyWebhooks shopify;
	private final WooCommerceWebhooks woocommerce;
	private final EventParser parser;
	private final EventIntake intake;
	private final ObjectMapper json;

	ShopWebhooksController(WebhookSettings settings, ShopifyWebhooks shopify, WooCommerceWebhooks woocommerce,
			EventParser parser, EventIntake intake, ObjectMapper json) {
		this.settings = settings;
		this.shopify = shopify;
		this.woocommerce = woocommerce;
		this.parser = parser;
		this.intake = intake;
		this.json = json;
	}

	@PostMapping("/hooks/shopify")
	ResponseEntity<?> shopify(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String signature,
			@RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
			@RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
			@RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
			@RequestHeader(name = "X-Shopify-Triggered-At", required = false) String triggeredAt) throws IOException {
		if (!settings.shopify().enabled()) {
			return ResponseEntity.notFound().build();
		}
		if (!ShopWebhook.signed(body == null ? new byte[0] : body, signature, settings.shopify().secret())) {
			return unauthorized("X-Shopify-Hmac-Sha256");
		}
		return accept("shopify", topic, shopify.events(String.valueOf(topic), String.valueOf(webhookId), shop,
				triggeredAt, read(body)));
	}

	@PostMapping("/hooks/woocommerce")
	ResponseEntity<?> woocommerce(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-WC-Webhook-Signature", required = false) String signature,
			@RequestHeader(name = "X-WC-Webhook-Topic", required = false) String topic,
			@RequestHeader(name = "X-WC-Webhook-Source", required = false) String shop) throws IOException {
		if (!settings.woocommerce().enabled()) {
			return ResponseEntity.notFound().build();
		}
		body = body == null ? new byte[0] : body;
		if (topic == null && new String(body, StandardCharsets.UTF_8).startsWith("webhook_id=")) {
			// WooCommerce pings a new webhook's URL once, unsigned and without a topic
			return ResponseEntity.ok(Map.of("accepted", List.of()));
		}
		if (!ShopWebhook.signed(body, signature, settings.woocommerce().secret())) {
			return unauthorized("X-WC-Webhook-Signature");
		}
		return accept("woocommerce", topic, woocommerce.events(String.valueOf(topic), shop, read(body)));
	}

	/** 200 for what we ignore too: a platform retries anything else, and disables webhooks that keep failing. */
	private ResponseEntity<?> accept(String platform, String topic, List<ObjectNode> events) throws IOException {
		if (events.isEmpty()) {
			log.debug("Ignored {} webhook {}", platform, topic);
			return ResponseEntity.ok(Map.of("accepted", List.of()));
		}
		var parsed = parser.parse(json.writeValueAsBytes(events));
		intake.accept(parsed);
		return ResponseEntity.ok(Map.of("accepted", parsed.stream().map(event -> event.id()).toList()));
	}

	private JsonNode read(byte[] body) {
		try {
			return body == null ? null : json.readTree(body);
		}
		catch (IOException e) {
			String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
			throw new WebhookMalformed(List.of(new Violation("", "the body is not JSON: " + reason)));
		}
	}

	@ExceptionHandler(WebhookMalformed.class)
	ResponseEntity<ProblemDetail> malformed(WebhookMalformed e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The webhook's body has " + e.violations().size() + " invalid field(s); nothing of it was processed.");
		problem.setTitle("Malformed webhook body");
		problem.setType(URI.create("https://shopflow.io/problems/malformed-webhook"));
		problem.setProperty("errors", e.violations().stream()
				.map(v -> Map.of("pointer", "#" + v.pointer(), "detail", v.detail())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> unauthorized(String header) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				header + " is missing or is not the HMAC-SHA256 of the body under the configured secret.");
		problem.setTitle("Bad webhook signature");
		problem.setType(URI.create("https://shopflow.io/problems/bad-webhook-signature"));
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}
}
