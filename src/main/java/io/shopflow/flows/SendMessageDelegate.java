package io.shopflow.flows;

import java.util.Arrays;
import java.util.List;

import io.shopflow.events.Channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the step's marketing message on the first of its channels (input "channels", e.g. "sms,email") that
 * is configured, consented, reachable and not capped.
 */
@Component
class SendMessageDelegate implements JavaDelegate {

	private final StepSends sends;

	SendMessageDelegate(StepSends sends) {
		this.sends = sends;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object channels = execution.getVariable(FlowVariables.CHANNELS);
		sends.send(execution, channels == null ? List.of(Channel.EMAIL) : parse(channels.toString()));
	}

	private static List<Channel> parse(String channels) {
		return Arrays.stream(channels.split(",")).map(String::trim).filter(c -> !c.isEmpty()).map(Channel::of).toList();
	}
}
