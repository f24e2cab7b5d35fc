package io.shopflow.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.shopflow.events.Channel;

/**
 * One message a flow step wants to send, on the first of its channels that the customer can be reached on.
 * The send key names this very send: the same key again is the same message (a retried job), never a second one.
 */
public record SendRequest(String sendKey, String customerId, String flow, String step, String template,
		List<Channel> channels, boolean marketing, String processInstanceId, Map<String, Object> variables,
		OncePer oncePer) {

	/** At most one send of this step with this value (e.g. a product id) within the window. */
	public record OncePer(String value, Duration window) {
	}

	public SendRequest(String sendKey, String customerId, String flow, String step, String template,
			List<Channel> channels, boolean marketing, String processInstanceId, Map<String, Object> variables) {
		this(sendKey, customerId, flow, step, template, channels, marketing, processInstanceId, variables, null);
	}

	/** The split-test variant the flow assigned the customer, if any (process variable "variant"). */
	public String variant() {
		return variables != null && variables.get("variant") instanceof String variant ? variant : null;
	}

	/** The same send, offering these channels instead. */
	SendRequest offering(List<Channel> offered) {
		return offered.equals(channels) ? this
				: new SendRequest(sendKey, customerId, flow, step, template, offered, marketing, processInstanceId,
						variables, oncePer);
	}

	String onceKey() {
		return oncePer == null ? null : flow + ":" + step + ":" + oncePer.value();
	}

	public SendRequest {
		if (channels.isEmpty()) {
			throw new IllegalArgumentException("A send needs at least one channel");
		}
		channels = List.copyOf(channels);
	}
}
