package io.shopflow.flows;

import io.shopflow.customers.Channel;
import io.shopflow.messaging.Messaging;
import io.shopflow.messaging.SendOutcome;
import io.shopflow.messaging.SendRequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the step's marketing email through the gate; writes sendOutcome (and the skip reason) back. */
@Component
class SendEmailDelegate implements JavaDelegate {

	private final Messaging messaging;
	private final SendKeys sendKeys;

	SendEmailDelegate(Messaging messaging, SendKeys sendKeys) {
		this.messaging = messaging;
		this.sendKeys = sendKeys;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SendOutcome outcome = messaging.send(new SendRequest(
				sendKeys.of(execution),
				execution.getProcessBusinessKey(),
				SendKeys.flowKey(execution),
				execution.getCurrentActivityId(),
				(String) execution.getVariable(FlowVariables.TEMPLATE),
				Channel.EMAIL,
				true,
				execution.getProcessInstanceId(),
				execution.getVariables()));
		execution.setVariable(FlowVariables.SEND_OUTCOME, outcome.status().name());
		execution.setVariable(FlowVariables.SKIP_REASON, outcome.reason());
	}
}
