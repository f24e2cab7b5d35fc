package io.shopflow.messaging;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.shopflow.customers.Customer;
import io.shopflow.customers.Customers;
import io.shopflow.outbound.OutboundEvents;

/**
 * Sends one message of a flow step: claim, gate, render, deliver, exactly once. The send log's state is committed
 * in its own transactions around the delivery, so a job that is retried (after an SMTP failure, a crash or a lost
 * race with an order) finds out what already happened instead of sending again. What differs per channel is
 * asked of the channel's {@link MessageChannel}.
 */
@Service
public class Messaging {

	private static final Logger log = LoggerFactory.getLogger(Messaging.class);

	private final SendLog sendLog;
	private final SendDecisions decisions;
	private final ChannelAdapters adapters;
	private final MessageModel model;
	private final Customers customers;
	private final OutboundEvents outbound;
	private final SendMetrics metrics;
	private final TransactionTemplate ownTransaction;

	Messaging(SendLog sendLog, SendDecisions decisions, ChannelAdapters adapters, MessageModel model,
			Customers customers, OutboundEvents outbound, SendMetrics metrics, PlatformTransactionManager transactions) {
		this.sendLog = sendLog;
		this.decisions = decisions;
		this.adapters = adapters;
		this.model = model;
		this.customers = customers;
		this.outbound = outbound;
		this.metrics = metrics;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public SendOutcome send(SendRequest request) {
		SendRequest offered = request.offering(adapters.switchedOn(request.channels()));
		String[] channel = { "none" };
		try {
			SendOutcome outcome = sendOnce(offered, channel);
			metrics.count(offered, channel[0], outcome.status().name().toLowerCase(Locale.ROOT));
			if (outcome.reason() != null) {
				metrics.skipped(offered, outcome.reason());
			}
			return outcome;
		}
		catch (SendDeferred e) {
			metrics.count(offered, channel[0], "deferred");
			throw e;
		}
		catch (RuntimeException e) {
			metrics.count(offered, channel[0], "failed");
			throw e;
		}
	}

	/** Records a provider's delivery report (delivered, undelivered, failed, ...) on the send it belongs to. */
	public boolean recordDelivery(String providerMessageId, String status) {
		return ownTransaction.execute(tx -> sendLog.delivery(providerMessageId, status));
	}

	private SendOutcome sendOnce(SendRequest request, String[] channel) {
		Customer customer = customers.find(request.customerId()).orElse(Customer.unknown(request.customerId()));
		Decision decision = ownTransaction.execute(status -> decisions.decide(request, customer));
		if (decision.deferUntil() != null) {
			throw new SendDeferred(request.sendKey(), decision.deferReason(), decision.deferUntil());
		}
		if (decision.outcome() != null) {
			return decision.outcome();
		}
		MessageChannel adapter = decision.channel();
		channel[0] = adapter.channel().key();
		String messageId;
		try {
			messageId = adapter.deliver(new OutgoingMessage(request, customer, decision.parts(),
					model.unsubscribeUrl(request, adapter.channel())));
		}
		catch (RuntimeException e) {
			return failed(request, adapter.classify(e), e);
		}
		ownTransaction.executeWithoutResult(status -> {
			sendLog.sent(request.sendKey(), messageId);
			outbound.record(OutboundEvents.MESSAGE_SENT, request.customerId(), Map.of("flow", request.flow(),
					"step", request.step(), "channel", channel[0], "sendKey", request.sendKey()));
		});
		log.debug("Sent {} to {}", request.sendKey(), request.customerId());
		return SendOutcome.sent();
	}

	/** A rejected recipient is a skip; a failure that may have sent is an incident; any other is retried. */
	private SendOutcome failed(SendRequest request, DeliveryFailure failure, RuntimeException e) {
		switch (failure) {
			case RECIPIENT_REJECTED -> {
				// a bad recipient stays bad: recorded, not retried
				ownTransaction.executeWithoutResult(status -> sendLog.skipped(request.sendKey(), "provider-rejected: "
						+ e.getMessage()));
				return SendOutcome.skipped("provider-rejected");
			}
			case MAY_HAVE_GONE_OUT -> {
				// the channel got the whole message and then went silent: sending again could send twice
				log.error("Send {} timed out after handing over the message; left for an operator", request.sendKey(), e);
				throw new DeliveryStateUnknown(request.sendKey());
			}
			default -> {
				ownTransaction.executeWithoutResult(status -> sendLog.failed(request.sendKey(), e.toString()));
				throw new DeliveryFailed("Sending " + request.sendKey() + " failed: " + e.getMessage(), e);
			}
		}
	}
}
