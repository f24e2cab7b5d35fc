package io.shopflow.flows;

import java.time.Duration;
import java.util.List;

import io.shopflow.events.Channel;
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

	/** Inputs oncePer (the name of a variable, e.g. productId) and oncePerWindow (ISO duration). */
	private static SendRequest.OncePer oncePer(DelegateExecution execution) {
		Object variable = execution.getVariable(FlowVariables.ONCE_PER);
		Object window = execution.getVariable(FlowVariables.ONCE_PER_WINDOW);
		if (variable == null || window == null || execution.getVariable(variable.toString()) == null) {
			return null;
		}
		return new SendRequest.OncePer(String.valueOf(execution.getVariable(variable.toString())),
				Duration.parse(window.toString()));
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
				execution.getVariables(),
				oncePer(execution)));
		execution.setVariable(FlowVariables.SEND_OUTCOME, outcome.status().name());
		execution.setVariable(FlowVariables.SKIP_REASON, outcome.reason());
	}
}
