package io.shopflow.channels.sms;

import java.util.Optional;

import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.messaging.DeliveryFailure;
import io.shopflow.messaging.MessageChannel;
import io.shopflow.messaging.OutgoingMessage;
import io.shopflow.messaging.SendRequest;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.tracking.TrackedLinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * SMS: the text part with short links, to the customer's phone in E.164, through the configured {@link SmsSender}
 * (Twilio); marketing texts get the opt-out hint of the customer's language. Without a sender it is unavailable.
 */
@Component
class SmsChannel implements MessageChannel {

	private final ObjectProvider<SmsSender> sender;
	private final SmsTexts texts;
	private final TrackedLinks links;

	SmsChannel(ObjectProvider<SmsSender> sender, SmsTexts texts, TrackedLinks links) {
		this.sender = sender;
		this.texts = texts;
		this.links = links;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public Optional<String> unreachable(SendRequest request, Customer customer) {
		if (sender.getIfAvailable() == null) {
			return Optional.of("channel-unavailable");
		}
		if (customer.phone() == null) {
			return Optional.of("no-address");
		}
		return texts.number(customer.phone(), customer.preferredLocale(null)).isEmpty()
				? Optional.of("invalid-number")
				: Optional.empty();
	}

	@Override
	public RenderedMessage parts(RenderedMessage rendered, long sendId) {
		return new RenderedMessage(rendered.subject(), null, links.shortLinks(rendered.text(), sendId), rendered.url(),
				rendered.icon());
	}

	/** @return Twilio's message sid, which its delivery reports name */
	@Override
	public String deliver(OutgoingMessage message) {
		String text = message.parts().text();
		if (message.request().marketing()) {
			text = texts.withOptOutHint(text, message.locale());
		}
		return sender.getObject().send(new Sms(texts.number(message.customer().phone(), message.locale()).orElseThrow(),
				text));
	}

	@Override
	public DeliveryFailure classify(RuntimeException failure) {
		return failure instanceof SmsRejected ? DeliveryFailure.RECIPIENT_REJECTED : DeliveryFailure.ofHttpCall(failure);
	}
}
