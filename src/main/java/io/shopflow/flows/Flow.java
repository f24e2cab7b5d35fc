package io.shopflow.flows;

import java.util.Set;

/**
 * A deployed flow as the router sees it: the latest version's id, the messages that start it, the messages
 * its instances wait for, and its re-entry rules. instanceKey names the event field that scopes "one running
 * instance per customer" further (cartId: one per cart), or is null.
 */
record Flow(String key, String definitionId, Set<String> startMessages, Set<String> catchMessages,
		ReentryPolicy reentry, String instanceKey) {

	boolean listensTo(String message) {
		return startMessages.contains(message) || catchMessages.contains(message);
	}
}
