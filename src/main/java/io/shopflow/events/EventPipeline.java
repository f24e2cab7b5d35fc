package io.shopflow.events;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a new shop event, step by step, in the transaction that records it. Before the steps,
 * {@link EventIntake} drops events about erased customers and records the others, keeping only ids not seen
 * before ({@link ReceivedEvents}). Then every step runs, in the order of {@link Step}, first
 * {@link ShopEventHandler#beforeEvents} for the whole batch, then {@link ShopEventHandler#handle} for each event.
 * Each step is one class of the capability that owns it (docs/architecture.md, "The path of one event").
 * <p>
 * Three steps derive events from the one they handle: one per customer for a restock, reordered and planned per
 * product of an order, segment entered and exited. Those go to the FLOWS step at once ({@link DerivedEvents}),
 * not through the steps after the one that derived them, and before the event itself reaches the flows.
 */
@Component
public class EventPipeline {

	private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

	/** The steps in the order they run; each step's comment says why it runs where it does. */
	public enum Step {
		/** shopflow.events.received: counted (after the commit) whatever the steps after it do. */
		METRICS,
		/** Profile and consent; beforeEvents locks the customers' rows, so every later step and flow sees them. */
		CUSTOMERS,
		/** The cart as the shop sent it, which abandoned-cart messages show. */
		CARTS,
		/** Products learned from the event, and who viewed or carted which (what BACK_IN_STOCK reads). */
		PRODUCTS,
		/** A shop-wide restock becomes a derived event per customer who wanted the product. */
		BACK_IN_STOCK,
		/** The order and its lines, so "first order?", recommendations and REPLENISHMENT count this one. */
		ORDERS,
		/** Per product of an order: derived reordered, and planned with the time to remind of a consumable. */
		REPLENISHMENT,
		/** A browser's Web Push subscription. */
		PUSH_SUBSCRIPTIONS,
		/** The order given to the message that won it (coupon, click or open). */
		ATTRIBUTION,
		/** The customer's segments, evaluated after all of the above changed them: derived entered and exited. */
		SEGMENTS,
		/** The event to the engine, to waiting instances and as a start (flows.CamundaFlowRouter): last, so flows see it all. */
		FLOWS
	}

	private final List<ShopEventHandler> steps;
	private final ShopEventHandler flows;

	/** Fails at start when a step has no handler or two: the order must be the one written above. */
	EventPipeline(List<ShopEventHandler> handlers) {
		Map<Step, ShopEventHandler> byStep = new EnumMap<>(Step.class);
		for (ShopEventHandler handler : handlers) {
			ShopEventHandler other = byStep.putIfAbsent(handler.step(), handler);
			if (other != null) {
				throw new IllegalStateException("Step " + handler.step() + " has two handlers: "
						+ other.getClass().getName() + " and " + handler.getClass().getName());
			}
		}
		Set<Step> missing = EnumSet.allOf(Step.class);
		missing.removeAll(byStep.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No handler for the event pipeline's step(s) " + missing);
		}
		this.steps = List.copyOf(byStep.values());
		this.flows = byStep.get(Step.FLOWS);
		log.debug("Event pipeline: {}", byStep.entrySet().stream()
				.map(step -> step.getKey() + " (" + step.getValue().getClass().getSimpleName() + ")")
				.collect(Collectors.joining(" -> ")));
	}

	/** Runs every step for the new events of one transaction, in order. */
	void run(List<ShopEvent> events) {
		steps.forEach(step -> step.beforeEvents(events));
		for (ShopEvent event : events) {
			steps.forEach(step -> step.handle(event, this::toFlows));
		}
	}

	private void toFlows(ShopEvent derived) {
		flows.handle(derived, this::toFlows);
	}
}
