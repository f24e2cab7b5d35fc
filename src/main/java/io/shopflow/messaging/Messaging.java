package io.shopflow.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.shopflow.channels.email.Email;
import io.shopflow.channels.email.EmailSender;
import io.shopflow.channels.push.PushRejected;
import io.shopflow.channels.push.PushSubscription;
import io.shopflow.channels.push.PushSubscriptions;
import io.shopflow.channels.push.WebPush;
import io.shopflow.channels.sms.Sms;
import io.shopflow.channels.sms.SmsRejected;
import io.shopflow.channels.sms.SmsSender;
import io.shopflow.channels.sms.SmsTexts;
import io.shopflow.events.Channel;
import io.shopflow.customers.Customer;
import io.shopflow.customers.Customers;
import io.shopflow.messaging.SendLog.State;
import io.shopflow.outbound.OutboundEvents;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.templates.TemplateRenderer;
import io.shopflow.tracking.LinkSigner;
import io.shopflow.tracking.TrackedLinks;

/**
 * Sends one message of a flow step: gate, render, deliver, exactly once. The send log's state is committed in
 * its own transactions around the delivery, so a job that is retried (after an SMTP failure, a crash or a lost
 * race with an order) finds out what already happened instead of sending again.
 */
@Service
public class Messaging {

	public static final String UNSUBSCRIBE_PURPOSE = "unsubscribe";
	public static final String PREFERENCES_PURPOSE = "preferences";

	private static final Logger log = LoggerFactory.getLogger(Messaging.class);

	private final SendLog sendLog;
	private final SendGate gate;
	private final Customers customers;
	private final TemplateRenderer templates;
	private final EmailSender email;
	private final ObjectProvider<SmsSender> smsSender;
	private final SmsTexts smsTexts;
	private final WebPush webPush;
	private final PushSubscriptions pushSubscriptions;
	private final LinkSigner links;
	private final TrackedLinks trackedLinks;
	private final MeterRegistry meters;
	private final OutboundEvents outbound;
	private final List<ModelContributor> contributors;
	private final TransactionTemplate ownTransaction;
	private final String publicUrl;
	private final Map<String, String> shop;

	Messaging(SendLog sendLog, SendGate gate, Customers customers, TemplateRenderer templates, EmailSender email,
			ObjectProvider<SmsSender> smsSender, SmsTexts smsTexts, WebPush webPush,
			PushSubscriptions pushSubscriptions, LinkSigner links, TrackedLinks trackedLinks, MeterRegistry meters,
			OutboundEvents outbound, List<ModelContributor> contributors, PlatformTransactionManager transactions,
			@Value("${shopflow.public-url}") String publicUrl, @Value("${shopflow.shop.name}") String shopName,
			@Value("${shopflow.shop.url}") String shopUrl) {
		this.sendLog = sendLog;
		this.gate = gate;
		this.customers = customers;
		this.templates = templates;
		this.email = email;
		this.smsSender = smsSender;
		this.smsTexts = smsTexts;
		this.webPush = webPush;
		this.pushSubscriptions = pushSubscriptions;
		this.links = links;
		this.trackedLinks = trackedLinks;
		this.meters = meters;
		this.outbound = outbound;
		this.contributors = contributors;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.shop = Map.of("name", shopName, "url", shopUrl);
	}

	public SendOutcome send(SendRequest request) {
		String[] channel = { "none" };
		try {
			SendOutcome outcome = sendOnce(request, channel);
			count(request, channel[0], outcome.status().name().toLowerCase(Locale.ROOT));
			if (outcome.reason() != null) {
				for (String reason : outcome.reason().split(",")) {
					meters.counter("shopflow.gate.skips", "flow", request.flow(), "reason",
							reason.substring(reason.indexOf(':') + 1)).increment();
				}
			}
			return outcome;
		}
		catch (SendDeferred e) {
			count(request, channel[0], "deferred");
			throw e;
		}
		catch (RuntimeException e) {
			count(request, channel[0], "failed");
			throw e;
		}
	}

	/** shopflow.sends{flow, step, channel, outcome}: sent, skipped, deferred or failed. */
	private void count(SendRequest request, String channel, String outcome) {
		meters.counter("shopflow.sends", "flow", request.flow(), "step", request.step(), "channel", channel, "outcome",
				outcome).increment();
	}

	private SendOutcome sendOnce(SendRequest request, String[] channel) {
		Customer customer = customers.find(request.customerId())
				.orElse(Customer.unknown(request.customerId()));
		Decision decision = ownTransaction.execute(status -> decide(request, customer));
		if (decision.deferUntil() != null) {
			throw new SendDeferred(request.sendKey(), decision.deferReason(), decision.deferUntil());
		}
		if (decision.outcome() != null) {
			return decision.outcome();
		}
		channel[0] = decision.channel().key();
		String messageId;
		try {
			messageId = deliver(request, customer, decision.channel(), decision.message());
		}
		catch (SmsRejected | PushRejected e) {
			// a bad recipient stays bad: recorded, not retried
			ownTransaction.executeWithoutResult(status -> sendLog.skipped(request.sendKey(), "provider-rejected: "
					+ e.getMessage()));
			return SendOutcome.skipped("provider-rejected");
		}
		catch (RuntimeException e) {
			if (decision.channel() != Channel.EMAIL && mayHaveGoneOut(e)) {
				// the channel got the whole message and then went silent: sending again could send twice
				log.error("Send {} timed out after handing over the message; left for an operator", request.sendKey(), e);
				throw new DeliveryStateUnknown(request.sendKey());
			}
			ownTransaction.executeWithoutResult(status -> sendLog.failed(request.sendKey(), e.toString()));
			throw new DeliveryFailed("Sending " + request.sendKey() + " failed: " + e.getMessage(), e);
		}
		String channelKey = decision.channel().key();
		ownTransaction.executeWithoutResult(status -> {
			sendLog.sent(request.sendKey(), messageId);
			outbound.record(OutboundEvents.MESSAGE_SENT, request.customerId(), Map.of("flow", request.flow(),
					"step", request.step(), "channel", channelKey, "sendKey", request.sendKey()));
		});
		log.debug("Sent {} to {}", request.sendKey(), request.customerId());
		return SendOutcome.sent();
	}

	/**
	 * A read timeout (not a connect timeout) of an HTTP provider: the request went out, the answer never came.
	 * SMTP is left to retry: its timeouts mostly hit before the message was sent, and the stable Message-ID
	 * lets mail systems fold the rare duplicate.
	 */
	private static boolean mayHaveGoneOut(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof java.net.SocketTimeoutException timeout
					&& (timeout.getMessage() == null || !timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect"))) {
				return true;
			}
		}
		return false;
	}

	/** Records a provider's delivery report (delivered, undelivered, failed, ...) on the send it belongs to. */
	public boolean recordDelivery(String providerMessageId, String status) {
		return ownTransaction.execute(tx -> sendLog.delivery(providerMessageId, status));
	}

	/** Claims the send key and, while holding it, decides: already done, skip, or render and go. */
	private Decision decide(SendRequest request, Customer customer) {
		State state = sendLog.claim(request);
		switch (state) {
			case SENT:
				return new Decision(SendOutcome.sent(), null, null, null, null);
			case SKIPPED:
				return new Decision(SendOutcome.skipped(sendLog.reason(request.sendKey()).orElse("skipped")), null, null,
						null, null);
			case SENDING:
				throw new DeliveryStateUnknown(request.sendKey());
			default:
				break;
		}
		// one decision at a time per customer, on every node, so two sends cannot both pass the cap
		sendLog.lockCustomer(request.customerId());
		List<String> reasons = new ArrayList<>();
		for (Channel channel : request.channels()) {
			Verdict verdict = gate.check(request, channel, customer);
			if (verdict.deferUntil() != null) {
				String reason = channel.key() + ":quiet-hours until " + verdict.deferUntil();
				sendLog.deferred(request.sendKey(), reason);
				log.info("Deferred {} for {}: {}", request.sendKey(), request.customerId(), reason);
				return new Decision(null, null, null, verdict.deferUntil(), reason);
			}
			if (!verdict.go()) {
				reasons.add(request.channels().size() == 1 ? verdict.skipReason()
						: channel.key() + ":" + verdict.skipReason());
				continue;
			}
			RenderedMessage message = tracked(templates.render(channel.key(), request.flow(), request.template(),
					customer.preferredLocale(null), model(request, channel, customer)), channel,
					sendLog.idOf(request.sendKey()));
			sendLog.sending(request.sendKey(), channel);
			return new Decision(null, channel, message, null, null);
		}
		String reason = String.join(",", reasons);
		sendLog.skipped(request.sendKey(), reason);
		outbound.record(OutboundEvents.MESSAGE_SKIPPED, request.customerId(), Map.of("flow", request.flow(),
				"step", request.step(), "reason", reason, "sendKey", request.sendKey()));
		log.info("Skipped {} for {}: {}", request.sendKey(), request.customerId(), reason);
		return new Decision(SendOutcome.skipped(reason), null, null, null, null);
	}

	private RenderedMessage tracked(RenderedMessage message, Channel channel, long sendId) {
		return switch (channel) {
			case EMAIL -> trackedLinks.forEmail(message, sendId);
			case SMS -> trackedLinks.forSms(message, sendId);
			case PUSH -> trackedLinks.forPush(message, sendId);
		};
	}

	/** @return the message id: ours for email, the provider's for SMS */
	private String deliver(SendRequest request, Customer customer, Channel channel, RenderedMessage message) {
		Locale locale = customer.preferredLocale(null);
		if (channel == Channel.PUSH) {
			return push(customer, message);
		}
		if (channel == Channel.SMS) {
			String text = request.marketing() ? smsTexts.withOptOutHint(message.text(), locale) : message.text();
			return smsSender.getObject().send(new Sms(smsTexts.number(customer.phone(), locale).orElseThrow(), text));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Shopflow-Flow", request.flow());
		headers.put("X-Shopflow-Step", request.step());
		if (request.marketing()) {
			headers.put("List-Unsubscribe", "<" + unsubscribeUrl(request, channel) + ">");
			headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		email.send(new Email(customer.email(), message.subject(), message.html(), message.text(), headers,
				messageId(request)));
		return messageId(request);
	}

	/** To every browser the customer subscribed; subscriptions the browser dropped are removed on the way. */
	private String push(Customer customer, RenderedMessage message) {
		ObjectNode payload = JsonNodeFactory.instance.objectNode()
				.put("title", message.subject())
				.put("body", message.text())
				.put("url", message.url())
				.put("icon", message.icon());
		int delivered = 0;
		for (PushSubscription subscription : pushSubscriptions.of(customer.id())) {
			if (webPush.send(subscription, payload.toString()) == WebPush.Result.DELIVERED) {
				delivered++;
			}
		}
		if (delivered == 0) {
			throw new PushRejected("every push subscription of the customer is gone");
		}
		return "push:" + delivered;
	}

	private Map<String, Object> model(SendRequest request, Channel channel, Customer customer) {
		Map<String, Object> model = new LinkedHashMap<>(request.variables());
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("id", customer.id());
		person.put("email", customer.email());
		person.put("firstName", customer.firstName());
		person.put("lastName", customer.lastName());
		model.put("customer", person);
		model.put("shop", shop);
		model.put("unsubscribeUrl", unsubscribeUrl(request, channel));
		model.put("preferencesUrl", publicUrl + "/preferences/" + links.sign(PREFERENCES_PURPOSE, request.customerId()));
		model.put("surveyUrl", publicUrl + "/survey/" + links.sign(LinkSigner.SURVEY, request.customerId() + "\n" + request.flow()));
		contributors.forEach(contributor -> contributor.contribute(request.customerId(), request.variables(), model));
		return model;
	}

	private String unsubscribeUrl(SendRequest request, Channel channel) {
		return publicUrl + "/unsubscribe/" + links.sign(UNSUBSCRIBE_PURPOSE, request.customerId() + "\n" + channel.key());
	}

	private static String messageId(SendRequest request) {
		return "<" + Integer.toHexString(request.sendKey().hashCode()) + "."
				+ request.sendKey().replaceAll("[^A-Za-z0-9.-]", "-").toLowerCase(Locale.ROOT) + "@shopflow>";
	}

	private record Decision(SendOutcome outcome, Channel channel, RenderedMessage message, Instant deferUntil,
			String deferReason) {
	}
}
