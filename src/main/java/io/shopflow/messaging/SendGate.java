package io.shopflow.messaging;

import java.util.Optional;
import java.util.Set;

import io.shopflow.customers.Consents;
import io.shopflow.customers.Customer;

import org.springframework.stereotype.Component;

/**
 * The checks every marketing send passes, in the order of DESIGN §6: consent (and unsubscribe), frequency cap.
 * Quiet hours only concern SMS and push; the send log's once-only guard is {@link Messaging}'s.
 * Returns the reason to skip, or empty to go ahead.
 */
@Component
class SendGate {

	private final Consents consents;
	private final SendLog log;
	private final MessagingSettings settings;

	SendGate(Consents consents, SendLog log, MessagingSettings settings) {
		this.consents = consents;
		this.log = log;
		this.settings = settings;
	}

	Optional<String> check(SendRequest request, Customer customer) {
		if (address(request, customer) == null) {
			return Optional.of("no-address");
		}
		if (!request.marketing()) {
			return Optional.empty();
		}
		if (!consents.granted(request.customerId(), request.channel())) {
			return Optional.of("no-consent");
		}
		var cap = settings.frequencyCap();
		Set<String> exempt = cap.exemptFlows() == null ? Set.of() : cap.exemptFlows();
		if (!exempt.contains(request.flow())
				&& log.sentWithin(request.customerId(), request.channel(), cap.window(), exempt) >= cap.maxMessages()) {
			return Optional.of("capped");
		}
		return Optional.empty();
	}

	static String address(SendRequest request, Customer customer) {
		return switch (request.channel()) {
			case EMAIL -> customer.email();
			case SMS -> customer.phone();
			case PUSH -> null;
		};
	}
}
