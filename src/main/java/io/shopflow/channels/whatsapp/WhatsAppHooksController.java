package io.shopflow.channels.whatsapp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.servlet.http.HttpServletRequest;

import io.shopflow.channels.sms.SmsTexts;
import io.shopflow.channels.sms.TwilioSignature;
import io.shopflow.customers.Customers;
import io.shopflow.events.Channel;
import io.shopflow.events.Envelope;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventTypes;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.CustomerUnsubscribed;
import io.shopflow.messaging.Messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks of the WhatsApp sender, signed like the SMS ones (X-Twilio-Signature with the account's auth
 * token, over shopflow.public-url + path and the parameters); anything unsigned gets 403.
 */
@RestController
@ConditionalOnProperty(prefix = "shopflow.whatsapp", name = "enabled", havingValue = "true")
class WhatsAppHooksController {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppHooksController.class);
	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
	static final String STOP_SOURCE = "shopflow:whatsapp-stop";

	private final TwilioSignature signature;
	private final Messaging messaging;
	private final SmsTexts texts;
	private final Customers customers;
	private final EventIntake intake;
	private final String publicUrl;

	WhatsAppHooksController(TwilioSignature signature, Messaging messaging, SmsTexts texts, Customers customers,
			EventIntake intake, @Value("${shopflow.public-url}") String publicUrl) {
		this.signature = signature;
		this.messaging = messaging;
		this.texts = texts;
		this.customers = customers;
		this.intake = intake;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Delivery reports: queued, sent, delivered, read, undelivered, failed. */
	@PostMapping(path = "/hooks/whatsapp/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		if (!signature.isValid(publicUrl + request.getRequestURI(), form, signed)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String status = form.get("MessageStatus");
		if (!messaging.recordDelivery(form.get("MessageSid"), status)) {
			log.info("Delivery report {} for unknown message {}", status, form.get("MessageSid"));
		}
		return ResponseEntity.noContent().build();
	}

	/** Replies: a STOP keyword (shopflow.sms.stop-keywords) withdraws the sender's WhatsApp consent. */
	@PostMapping(path = "/hooks/whatsapp/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		if (!signature.isValid(publicUrl + request.getRequestURI(), form, signed)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String sender = form.getOrDefault("From", "");
		Optional<String> from = texts.number(sender.startsWith(TwilioWhatsApp.PREFIX)
				? sender.substring(TwilioWhatsApp.PREFIX.length()) : sender, null);
		if (from.isPresent() && texts.isStop(form.get("Body"))) {
			List<ShopEvent> unsubscribes = customers.withPhone(from.get()).stream()
					.map(customer -> (ShopEvent) unsubscribe(customer, form.get("MessageSid")))
					.toList();
			if (!unsubscribes.isEmpty()) {
				intake.accept(unsubscribes);
			}
		}
		return ResponseEntity.ok(EMPTY_TWIML);
	}

	private static CustomerUnsubscribed unsubscribe(String customerId, String messageSid) {
		String channel = Channel.WHATSAPP.key();
		var data = JsonNodeFactory.instance.objectNode().put("channel", channel);
		return new CustomerUnsubscribed(new Envelope("whatsapp-stop-" + messageSid + "-" + customerId, STOP_SOURCE,
				EventTypes.CUSTOMER_UNSUBSCRIBED, customerId, OffsetDateTime.now(), data), channel);
	}
}
