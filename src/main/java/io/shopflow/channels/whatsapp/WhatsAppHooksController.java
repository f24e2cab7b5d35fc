package io.shopflow.channels.whatsapp;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.shopflow.channels.sms.TwilioCallbacks;
import io.shopflow.events.Channel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks of the WhatsApp sender, signed like the SMS ones (X-Twilio-Signature with the account's auth
 * token): delivery reports, and replies whose STOP withdraws the sender's WhatsApp consent.
 */
@RestController
@ConditionalOnProperty(prefix = "shopflow.whatsapp", name = "enabled", havingValue = "true")
class WhatsAppHooksController {

	private final TwilioCallbacks callbacks;

	WhatsAppHooksController(TwilioCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	/** Delivery reports: queued, sent, delivered, read, undelivered, failed. */
	@PostMapping(path = "/hooks/whatsapp/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		return callbacks.deliveryReport(request, form, signed);
	}

	/** Replies come from whatsapp:+E164; a STOP keyword (shopflow.sms.stop-keywords) withdraws WhatsApp consent. */
	@PostMapping(path = "/hooks/whatsapp/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		String sender = form.getOrDefault("From", "");
		String number = sender.startsWith(TwilioWhatsApp.PREFIX) ? sender.substring(TwilioWhatsApp.PREFIX.length()) : sender;
		return callbacks.reply(request, form, signed, number, Channel.WHATSAPP);
	}
}
