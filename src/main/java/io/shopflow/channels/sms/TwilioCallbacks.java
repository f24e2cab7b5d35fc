package io.shopflow.channels.sms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What Twilio's webhooks of every channel on the account (SMS, WhatsApp) share: they carry no API token, so each
 * must bear Twilio's signature over the URL Twilio called (shopflow.public-url + path) and its parameters, or it
 * gets 403; delivery reports update the send; a STOP reply withdraws the sender's consent for that channel.
 */
@Component
public class TwilioCallbacks {

	private static final Logger log = LoggerFactory.getLogger(TwilioCallbacks.class);
	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	private final TwilioSignature signature;
	private final Messaging messaging;
	private final SmsTexts texts;
	private final Customers customers;
	private final EventIntake intake;
	private final String publicUrl;

	TwilioCallbacks(TwilioSignature signature, Messaging messaging, SmsTexts texts, Customers customers,
			EventIntake intake, @Value("${shopflow.public-url}") String publicUrl) {
		this.signature = signature;
		this.messaging = messaging;
		this.texts = texts;
		this.customers = customers;
		this.intake = intake;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Delivery reports: queued, sent, delivered, read, undelivered, failed. */
	public ResponseEntity<Void> deliveryReport(HttpServletRequest request, Map<String, String> form, String signed) {
		if (!signature.isValid(publicUrl + request.getRequestURI(), form, signed)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String status = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
		if (!messaging.recordDelivery(form.get("MessageSid"), status)) {
			log.info("Delivery report {} for unknown message {}", status, form.get("MessageSid"));
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A reply from the number (E.164, without a channel prefix): a STOP keyword (shopflow.sms.stop-keywords)
	 * withdraws the channel's consent of every customer with that number. Twilio gets an empty TwiML answer.
	 */
	public ResponseEntity<String> reply(HttpServletRequest request, Map<String, String> form, String signed,
			String number, Channel channel) {
		if (!signature.isValid(publicUrl + request.getRequestURI(), form, signed)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		var from = texts.number(number, null);
		if (from.isPresent() && texts.isStop(form.get("Body"))) {
			List<ShopEvent> unsubscribes = customers.withPhone(from.get()).stream()
					.map(customer -> (ShopEvent) unsubscribe(customer, form.get("MessageSid"), channel))
					.toList();
			if (!unsubscribes.isEmpty()) {
				intake.accept(unsubscribes);
			}
		}
		return ResponseEntity.ok(EMPTY_TWIML);
	}

	/** The event a STOP stands for, from source shopflow:&lt;channel&gt;-stop, one per message and customer. */
	private static CustomerUnsubscribed unsubscribe(String customerId, String messageSid, Channel channel) {
		var data = JsonNodeFactory.instance.objectNode().put("channel", channel.key());
		return new CustomerUnsubscribed(new Envelope(channel.key() + "-stop-" + messageSid + "-" + customerId,
				"shopflow:" + channel.key() + "-stop", EventTypes.CUSTOMER_UNSUBSCRIBED, customerId, OffsetDateTime.now(),
				data), channel.key());
	}
}
