package io.shopflow.events;

import java.util.List;

/**
 * A capability's step of the {@link EventPipeline}: it reacts to each new shop event, inside the transaction
 * that records it. Where it runs is its {@link #step()}, in the order {@link EventPipeline.Step} lists.
 */
public interface ShopEventHandler {

	EventPipeline.Step step();

	/** Once per transaction, before any event of it is handled, e.g. to lock rows in a stable order. */
	default void beforeEvents(List<ShopEvent> events) {
	}

	/** derived: where events this step derives from this one go (to the flows, at once). */
	void handle(ShopEvent event, DerivedEvents derived);
}
