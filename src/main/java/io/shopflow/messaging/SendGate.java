package io.shopflow.messaging;

import java.util.Optional;
import java.util.Set;

import io.shopflow.channels.sms.SmsSender;
import io.shopflow.channels.sms.SmsTexts;
import io.shopflow.customers.Channel;
import io.shopflow.customers.Consents;
import io.shopflow.customers.Customer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The checks every marketing send passes on a channel, in the order of DESIGN §6: reachable (a channel that
 * is configured, and an address for it), consent (and unsubscribe), frequency cap. The send log's once-only
 * guard is {@link Messaging}'s. Returns the reason to skip the channel, or empty to use it.
 */
@Component
class SendGate {

	private final Consents consents;
	private final SendLog log;
	private final MessagingSettings settings;
	private final SmsTexts sms;
	private final ObjectProvider<SmsSender> smsSender;

	SendGate(Consents consents, SendLog log, MessagingSettings settings, SmsTexts sms,
			ObjectProvider<SmsSender> smsSender) {
		this.consents = consents;
		this.log = log;
		this.settings = settings;
		this.sms = sms;
		this.smsSender = smsSender;
	}

	Optional<String> check(SendRequest request, Channel channel, Customer customer) {
		Optional<String> unreachable = unreachable(channel, customer);
		if (unreachable.isPresent()) {
			return unreachable;
		}
		if (!request.marketing()) {
			return Optional.empty();
		}
		if (!consents.granted(request.customerId(), channel)) {
			return Optional.of("no-consent");
		}
		var cap = settings.frequencyCap();
		Set<String> exempt = cap.exemptFlows() == null ? Set.of() : cap.exemptFlows();
		if (!exempt.contains(request.flow())
				&& log.sentWithin(request.customerId(), channel, cap.window(), exempt) >= cap.maxMessages()) {
			return Optional.of("capped");
		}
		return Optional.empty();
	}

	private Optional<String> unreachable(Channel channel, Customer customer) {
		switch (channel) {
			case EMAIL:
				return customer.email() == null ? Optional.of("no-address") : Optional.empty();
			case SMS:
				if (smsSender.getIfAvailable() == null) {
					return Optional.of("channel-unavailable");
				}
				if (customer.phone() == null) {
					return Optional.of("no-address");
				}
				return sms.number(customer.phone(), customer.preferredLocale(null)).isEmpty()
						? Optional.of("invalid-number")
						: Optional.empty();
			default:
				return Optional.of("channel-unavailable");
		}
	}
}
