package io.shopflow.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;
import io.shopflow.messaging.SendLog.State;
import io.shopflow.outbound.OutboundEvents;
import io.shopflow.templates.RenderedMessage;
import io.shopflow.templates.TemplateRenderer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Claims the send key and, while holding it, decides: already done, skip, defer, or render and go on the first of
 * the offered channels that passes the gate. Runs inside the caller's transaction, which holds the claim.
 */
@Component
class SendDecisions {

	private static final Logger log = LoggerFactory.getLogger(SendDecisions.class);

	private final SendLog sendLog;
	private final SendGate gate;
	private final ChannelAdapters adapters;
	private final TemplateRenderer templates;
	private final MessageModel model;
	private final OutboundEvents outbound;

	SendDecisions(SendLog sendLog, SendGate gate, ChannelAdapters adapters, TemplateRenderer templates,
			MessageModel model, OutboundEvents outbound) {
		this.sendLog = sendLog;
		this.gate = gate;
		this.adapters = adapters;
		this.templates = templates;
		this.model = model;
		this.outbound = outbound;
	}

	Decision decide(SendRequest request, Customer customer) {
		State state = sendLog.claim(request);
		switch (state) {
			case SENT:
				return Decision.done(SendOutcome.sent());
			case SKIPPED:
				return Decision.done(SendOutcome.skipped(sendLog.reason(request.sendKey()).orElse("skipped")));
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
				return Decision.defer(verdict.deferUntil(), reason);
			}
			if (!verdict.go()) {
				reasons.add(request.channels().size() == 1 ? verdict.skipReason()
						: channel.key() + ":" + verdict.skipReason());
				continue;
			}
			MessageChannel adapter = adapters.of(channel).orElseThrow();
			RenderedMessage rendered = templates.render(channel.key(), request.flow(), request.template(),
					customer.preferredLocale(null), model.of(request, channel, customer));
			RenderedMessage parts = adapter.parts(rendered, sendLog.idOf(request.sendKey()));
			sendLog.sending(request.sendKey(), channel);
			return Decision.go(adapter, parts);
		}
		return skip(request, String.join(",", reasons));
	}

	private Decision skip(SendRequest request, String reason) {
		sendLog.skipped(request.sendKey(), reason);
		outbound.record(OutboundEvents.MESSAGE_SKIPPED, request.customerId(), Map.of("flow", request.flow(),
				"step", request.step(), "reason", reason, "sendKey", request.sendKey()));
		log.info("Skipped {} for {}: {}", request.sendKey(), request.customerId(), reason);
		return Decision.done(SendOutcome.skipped(reason));
	}
}
