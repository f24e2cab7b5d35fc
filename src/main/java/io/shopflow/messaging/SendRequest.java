package io.shopflow.messaging;

import java.util.Map;

import io.shopflow.customers.Channel;

/**
 * One message a flow step wants to send. The send key names this very send: the same key again is the same
 * message (a retried job), never a second one.
 */
public record SendRequest(String sendKey, String customerId, String flow, String step, String template,
		Channel channel, boolean marketing, String processInstanceId, Map<String, Object> variables) {
}
