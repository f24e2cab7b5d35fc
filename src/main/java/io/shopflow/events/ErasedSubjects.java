package io.shopflow.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import io.shopflow.events.ShopEvent.CustomerRegistered;
import io.shopflow.tracking.ErasedCustomers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule for events about an erased customer: they are accepted, so the shop does not retry them forever, and
 * dropped before anything of them is kept, counted in shopflow.events.dropped{reason=customer-erased}. One
 * exception: a shop.customer.registered whose time is after the erasure is a new registration, a new legal basis.
 * It lifts the tombstone and starts a fresh customer under the old id; later events count again. A registration
 * from before the erasure, arriving late, is dropped like any other event.
 */
@Component
class ErasedSubjects {

	private static final Logger log = LoggerFactory.getLogger(ErasedSubjects.class);

	private final ErasedCustomers erased;
	private final MeterRegistry meters;
	private final Clock clock;

	ErasedSubjects(ErasedCustomers erased, MeterRegistry meters, Clock clock) {
		this.erased = erased;
		this.meters = meters;
		this.clock = clock;
	}

	/** The events to process, in order: all but those about customers erased. */
	List<ShopEvent> admitted(List<ShopEvent> events) {
		Set<String> customers = events.stream().map(ShopEvent::customerId).filter(Objects::nonNull)
				.collect(Collectors.toSet());
		Map<String, Instant> erasedAt = customers.isEmpty() ? Map.of() : erased.erasedAt(customers);
		if (erasedAt.isEmpty()) {
			return events;
		}
		List<ShopEvent> admitted = new ArrayList<>();
		for (ShopEvent event : events) {
			Instant erasure = erasedAt.get(event.customerId());
			if (erasure == null) {
				admitted.add(event);
			}
			else if (event instanceof CustomerRegistered && time(event).isAfter(erasure)) {
				erased.forget(event.customerId());
				erasedAt.remove(event.customerId());
				log.info("Event {}: an erased customer registered again, as a new customer", event.id());
				admitted.add(event);
			}
			else {
				log.debug("Event {} ({}) is about an erased customer: dropped", event.id(), event.type());
				countAfterCommit(event.type());
			}
		}
		return admitted;
	}

	/** Events without a time (Shopflow's own) happen when they arrive. */
	private Instant time(ShopEvent event) {
		return event.envelope().time() == null ? clock.instant() : event.envelope().time().toInstant();
	}

	private void countAfterCommit(String type) {
		AfterCommit.run(() -> meters.counter("shopflow.events.dropped", "reason", "customer-erased", "type", type).increment());
	}
}
