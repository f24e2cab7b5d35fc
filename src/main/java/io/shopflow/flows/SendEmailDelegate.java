package io.shopflow.flows;

import java.util.List;

import io.shopflow.events.Channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the step's marketing email through the gate; writes sendOutcome (and the skip reason) back. */
@Component
class SendEmailDelegate implements JavaDelegate {

	private final StepSends sends;

	SendEmailDelegate(StepSends sends) {
		this.sends = sends;
	}

	@Override
	public void execute(DelegateExecution execution) {
		sends.send(execution, List.of(Channel.EMAIL));
	}
}
