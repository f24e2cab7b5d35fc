package io.shopflow.events;

import java.util.List;

/**
 * A capability that reacts to shop events, inside the transaction that records them. Handlers run in
 * {@link org.springframework.core.annotation.Order} for each new event; the flow router runs last.
 */
public interface ShopEventHandler {

	/** Once per transaction, before any event of it is handled, e.g. to lock rows in a stable order. */
	default void beforeEvents(List<ShopEvent> events) {
	}

	void handle(ShopEvent event);
}
