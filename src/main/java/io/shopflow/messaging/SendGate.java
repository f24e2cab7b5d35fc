package io.shopflow.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.shopflow.customers.Consents;
import io.shopflow.customers.Customer;
import io.shopflow.events.Channel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checks every marketing send passes on a channel, in the order of docs/architecture.md: reachable (a channel
 * that is switched on, and an address for it: the channel's {@link MessageChannel#unreachable}), consent (and
 * unsubscribe), frequency cap, quiet hours. The send log's once-only guard is {@link SendDecisions}'. Transactional
 * messages only need to be reachable.
 */
@Component
class SendGate {

	private final Consents consents;
	private final SendLog log;
	private final MessagingSettings settings;
	private final ChannelAdapters adapters;
	private final QuietHours quietHours;
	private final Clock clock;
	private final double speedup;

	SendGate(Consents consents, SendLog log, MessagingSettings settings, ChannelAdapters adapters, Clock clock,
			@Value("${shopflow.timers.speedup:1}") double speedup) {
		this.speedup = speedup;
		this.adapters = adapters;
		this.quietHours = new QuietHours(settings.quietHours());
		this.clock = clock;
		this.consents = consents;
		this.log = log;
		this.settings = settings;
	}

	Verdict check(SendRequest request, Channel channel, Customer customer) {
		Optional<String> unreachable = unreachable(request, channel, customer);
		if (unreachable.isPresent()) {
			return Verdict.skip(unreachable.get());
		}
		if (!request.marketing()) {
			return Verdict.GO;
		}
		if (!consents.granted(request.customerId(), channel)) {
			return Verdict.skip("no-consent");
		}
		if (customer.pausedAt(clock.instant())) {
			return Verdict.skip("paused");
		}
		if (request.oncePer() != null && log.sentOnceWithin(request.customerId(), request.onceKey(),
				scaled(request.oncePer().window()), request.sendKey())) {
			return Verdict.skip("sent-recently");
		}
		var cap = settings.frequencyCap();
		var limit = cap.limitFor(channel.key());
		if (!cap.exempts(request.flow()) && log.sentWithin(request.customerId(), channel, scaled(limit.window()),
				cap.exemptFlows() == null ? Set.of() : cap.exemptFlows()) >= limit.maxMessages()) {
			return Verdict.skip("capped");
		}
		if (quietHours.concerns(channel.key())) {
			Locale locale = customer.preferredLocale(null);
			Optional<Instant> until = quietHours.deferral(clock.instant(), customer.zone(null),
					locale == null || locale.getCountry().isEmpty() ? null : locale.getCountry());
			if (until.isPresent()) {
				return Verdict.defer(until.get());
			}
		}
		return Verdict.GO;
	}

	/** Flow time: with shopflow.timers.speedup, the cap window shrinks like every timer does. */
	private Duration scaled(Duration window) {
		return speedup <= 1 ? window : Duration.ofMillis(Math.round(window.toMillis() / speedup));
	}

	/** A channel that is switched off (no adapter) is unavailable; otherwise the channel knows. */
	private Optional<String> unreachable(SendRequest request, Channel channel, Customer customer) {
		return adapters.of(channel).map(adapter -> adapter.unreachable(request, customer))
				.orElse(Optional.of("channel-unavailable"));
	}
}
