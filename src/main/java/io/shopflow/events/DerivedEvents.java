package io.shopflow.events;

/**
 * Where a step of the {@link EventPipeline} puts an event it derives from the one it handles (a restock per
 * customer, a planned replenishment, a segment entered): straight to the flows, at once, not through the steps
 * after it.
 */
@FunctionalInterface
public interface DerivedEvents {

	void raise(ShopEvent derived);
}
