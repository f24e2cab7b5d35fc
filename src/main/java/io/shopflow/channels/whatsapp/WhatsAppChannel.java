package io.shopflow.channels.whatsapp;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.channels.sms.SmsTexts;
import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.messaging.DeliveryFailure;
import io.shopflow.messaging.MessageChannel;
import io.shopflow.messaging.OutgoingMessage;
import io.shopflow.messaging.SendRequest;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.tracking.TrackedLinks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * WhatsApp: an approved content template (Twilio's ContentSid) whose variables are the text part of the step's
 * template, with short links, to the customer's phone as whatsapp:+E164. Numbers are read like SMS numbers. On
 * only with shopflow.whatsapp.enabled; a step without a content template for the customer is not sent on it.
 */
@Component
@ConditionalOnProperty(prefix = "shopflow.whatsapp", name = "enabled", havingValue = "true")
class WhatsAppChannel implements MessageChannel {

	private final TwilioWhatsApp twilio;
	private final ContentSids contentSids;
	private final SmsTexts numbers;
	private final TrackedLinks links;

	WhatsAppChannel(WhatsAppSettings settings, RestClient.Builder http, ObjectMapper json, SmsTexts numbers,
			TrackedLinks links) {
		this.twilio = new TwilioWhatsApp(http, settings, json);
		this.contentSids = new ContentSids(settings);
		this.numbers = numbers;
		this.links = links;
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	@Override
	public Optional<String> unreachable(SendRequest request, Customer customer) {
		if (customer.phone() == null) {
			return Optional.of("no-address");
		}
		if (numbers.number(customer.phone(), customer.preferredLocale(null)).isEmpty()) {
			return Optional.of("invalid-number");
		}
		return contentSids.of(request.flow(), request.template(), customer.preferredLocale(null)).isEmpty()
				? Optional.of("no-content-template")
				: Optional.empty();
	}

	/** The text part only: its lines are the content variables. */
	@Override
	public RenderedMessage parts(RenderedMessage rendered, long sendId) {
		return new RenderedMessage(null, null, links.shortLinks(rendered.text(), sendId), null, null);
	}

	@Override
	public String deliver(OutgoingMessage message) {
		SendRequest request = message.request();
		String sid = contentSids.of(request.flow(), request.template(), message.locale()).orElseThrow();
		return twilio.send(numbers.number(message.customer().phone(), message.locale()).orElseThrow(),
				ContentTemplate.of(sid, message.parts().text()));
	}

	@Override
	public DeliveryFailure classify(RuntimeException failure) {
		return failure instanceof WhatsAppRejected ? DeliveryFailure.RECIPIENT_REJECTED
				: DeliveryFailure.ofHttpCall(failure);
	}
}
