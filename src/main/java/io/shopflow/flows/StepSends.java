package io.shopflow.flows;

import java.util.List;

import io.shopflow.customers.Channel;
import io.shopflow.messaging.Messaging;
import io.shopflow.messaging.SendOutcome;
import io.shopflow.messaging.SendRequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What every send delegate does: name the send, pass it through messaging, write the outcome back. */
@Component
class StepSends {

	private final Messaging messaging;
	private final SendKeys sendKeys;

	StepSends(Messaging messaging, SendKeys sendKeys) {
		this.messaging = messaging;
		this.sendKeys = sendKeys;
	}

	void send(DelegateExecution execution, List<Channel> channels) {
		SendOutcome outcome = messaging.send(new SendRequest(
				sendKeys.of(execution),
				execution.getProcessBusinessKey(),
				SendKeys.flowKey(execution),
				execution.getCurrentActivityId(),
				(String) execution.getVariable(FlowVariables.TEMPLATE),
				channels,
				!"transactional".equals(execution.getVariable(FlowVariables.MESSAGE_KIND)),
				execution.getProcessInstanceId(),
				execution.getVariables()));
		execution.setVariable(FlowVariables.SEND_OUTCOME, outcome.status().name());
		execution.setVariable(FlowVariables.SKIP_REASON, outcome.reason());
	}
}
