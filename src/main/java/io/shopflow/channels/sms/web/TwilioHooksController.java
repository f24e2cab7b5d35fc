package io.shopflow.channels.sms.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.shopflow.channels.sms.TwilioCallbacks;
import io.shopflow.events.Channel;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's webhooks of the SMS sender: delivery reports, and replies whose STOP unsubscribes from SMS. */
@RestController
class TwilioHooksController {

	private final TwilioCallbacks callbacks;

	TwilioHooksController(TwilioCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	@PostMapping(path = "/hooks/sms/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		return callbacks.deliveryReport(request, form, signed);
	}

	@PostMapping(path = "/hooks/sms/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request, @RequestParam Map<String, String> form,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		return callbacks.reply(request, form, signed, form.get("From"), Channel.SMS);
	}
}
