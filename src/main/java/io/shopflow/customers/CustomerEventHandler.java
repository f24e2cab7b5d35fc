package io.shopflow.customers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.shopflow.events.Channel;
import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.ConsentFlags;
import io.shopflow.events.ShopEvent.CustomerRegistered;
import io.shopflow.events.ShopEvent.CustomerUnsubscribed;
import io.shopflow.events.ShopEvent.CustomerUpdated;
import io.shopflow.events.ShopEvent.NewsletterSubscribed;
import io.shopflow.events.ShopEventHandler;

import org.springframework.stereotype.Component;

/** Keeps profiles and consents up to date from the shop's events. Runs before the other capabilities' steps, so they and the flows see the new state. */
@Component
class CustomerEventHandler implements ShopEventHandler {

	private final Customers customers;
	private final Consents consents;

	CustomerEventHandler(Customers customers, Consents consents) {
		this.customers = customers;
		this.consents = consents;
	}

	@Override
	public Step step() {
		return Step.CUSTOMERS;
	}

	@Override
	public void beforeEvents(List<ShopEvent> events) {
		customers.lock(events.stream().map(ShopEvent::customerId).filter(Objects::nonNull).distinct().sorted().toList());
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event instanceof CustomerRegistered e) {
			customers.update(e.customerId(), e.profile());
			apply(e, e.consent());
		}
		else if (event instanceof CustomerUpdated e) {
			customers.update(e.customerId(), e.profile());
			apply(e, e.consent());
		}
		else if (event instanceof NewsletterSubscribed e) {
			customers.update(e.customerId(), e.profile());
			// subscribing to the newsletter is an email opt-in, unless the shop says otherwise
			apply(e, e.consent().grantedUnlessSaid(Channel.EMAIL));
		}
		else if (event instanceof CustomerUnsubscribed e) {
			for (Channel channel : Channel.values()) {
				if ("all".equals(e.channel()) || channel.key().equals(e.channel())) {
					consents.set(e.customerId(), channel, false, e.envelope().source(), e.id(), null, null, at(e));
				}
			}
		}
	}

	private void apply(ShopEvent event, ConsentFlags flags) {
		for (Channel channel : Channel.values()) {
			set(event, channel, flags.granted(channel), flags);
		}
	}

	private void set(ShopEvent event, Channel channel, Boolean granted, ConsentFlags flags) {
		if (granted != null) {
			consents.set(event.customerId(), channel, granted, event.envelope().source(), event.id(), flags.text(),
					flags.version(), at(event));
		}
	}

	/** When the event says it happened: consent changes are ordered by it (Consents). */
	private static Instant at(ShopEvent event) {
		return event.envelope().time() == null ? null : event.envelope().time().toInstant();
	}
}
