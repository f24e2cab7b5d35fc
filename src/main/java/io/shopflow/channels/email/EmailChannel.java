package io.shopflow.channels.email;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.messaging.DeliveryFailure;
import io.shopflow.messaging.MessageChannel;
import io.shopflow.messaging.OutgoingMessage;
import io.shopflow.messaging.SendRequest;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.tracking.TrackedLinks;

import org.springframework.stereotype.Component;

/**
 * Email: subject, HTML (with click links and an open pixel) and text (with click links), to the customer's address,
 * over SMTP or into the outbox. Marketing emails carry one-click List-Unsubscribe (RFC 8058).
 */
@Component
class EmailChannel implements MessageChannel {

	private final EmailSender sender;
	private final TrackedLinks links;

	EmailChannel(EmailSender sender, TrackedLinks links) {
		this.sender = sender;
		this.links = links;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public Optional<String> unreachable(SendRequest request, Customer customer) {
		return customer.email() == null ? Optional.of("no-address") : Optional.empty();
	}

	@Override
	public RenderedMessage parts(RenderedMessage rendered, long sendId) {
		return new RenderedMessage(rendered.subject(), links.htmlWithOpens(rendered.html(), sendId),
				links.clickLinks(rendered.text(), sendId), rendered.url(), rendered.icon());
	}

	/** @return our Message-ID, derived from the send key */
	@Override
	public String deliver(OutgoingMessage message) {
		SendRequest request = message.request();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Shopflow-Flow", request.flow());
		headers.put("X-Shopflow-Step", request.step());
		if (request.marketing()) {
			headers.put("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
			headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		RenderedMessage parts = message.parts();
		sender.send(new Email(message.customer().email(), parts.subject(), parts.html(), parts.text(), headers,
				messageId(request)));
		return messageId(request);
	}

	/**
	 * Retried, whatever it was: SMTP timeouts mostly hit before the message was sent, and the stable Message-ID lets
	 * mail systems fold the rare duplicate.
	 */
	@Override
	public DeliveryFailure classify(RuntimeException failure) {
		return DeliveryFailure.NOT_SENT;
	}

	private static String messageId(SendRequest request) {
		return "<" + Integer.toHexString(request.sendKey().hashCode()) + "."
				+ request.sendKey().replaceAll("[^A-Za-z0-9.-]", "-").toLowerCase(Locale.ROOT) + "@shopflow>";
	}
}
