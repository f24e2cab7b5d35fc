package io.shopflow.flows;

import io.shopflow.events.ShopEvent;

/**
 * The port between shop events and the flows: correlates an event to the customer's waiting instances
 * and starts the flows it starts. The only way the rest of Shopflow talks to the engine about events.
 */
public interface FlowRouter {

	void route(ShopEvent event);
}
