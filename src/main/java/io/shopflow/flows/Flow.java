package io.shopflow.flows;

import java.util.Map;
import java.util.Set;

/**
 * A deployed flow as the router sees it: the latest version's id, the messages that start it (by event type),
 * the messages its instances wait for, the messages that end them through a drawn exit (an interrupting event
 * subprocess of the process), and its re-entry rules. instanceKey names the event field that scopes "one running
 * instance per customer" further (cartId: one per cart), or is null. segment, when set, is the only segment
 * whose shopflow.segment.entered / exited events the flow takes.
 */
record Flow(String key, String definitionId, Map<String, String> startMessages, Set<String> catchMessages,
		Set<String> exitMessages, ReentryPolicy reentry, String instanceKey, String segment) {

	/**
	 * Camunda allows a message start event name in one deployed process only, so a flow may start on
	 * "&lt;event type&gt;@&lt;anything&gt;" (e.g. shop.order.placed@vip): the event type is what it listens to.
	 */
	static String eventType(String messageName) {
		int at = messageName.indexOf('@');
		return at < 0 ? messageName : messageName.substring(0, at);
	}

	/**
	 * Whether the event both ends a running instance through a drawn exit and starts the flow: it re-arms the flow,
	 * the running instance ends and a fresh one starts from the event (win-back on an order).
	 */
	boolean rearmedBy(String eventType) {
		return exitMessages.contains(eventType) && startMessages.containsKey(eventType);
	}

	boolean listensTo(String eventType) {
		return startMessages.containsKey(eventType) || catchMessages.contains(eventType);
	}
}
