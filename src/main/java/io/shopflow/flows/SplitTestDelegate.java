package io.shopflow.flows;

import io.shopflow.experiments.SplitTests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assigns the customer a variant of a split test (input variants, e.g. "a:50,b:50"; testKey defaults to the
 * flow) into the variable variant, which gateways route on and every later send records.
 */
@Component
class SplitTestDelegate implements JavaDelegate {

	private final SplitTests splits;

	SplitTestDelegate(SplitTests splits) {
		this.splits = splits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String flow = SendKeys.flowKey(execution);
		Object key = execution.getVariable("testKey");
		String testKey = key == null || key.toString().isBlank() ? flow : key.toString();
		if (Boolean.parseBoolean(String.valueOf(execution.getVariable("autoWinner")))) {
			splits.pickWinnerIfClear(testKey, flow);
		}
		String variant = splits.assign(testKey, execution.getProcessBusinessKey(),
				SplitTests.weights(String.valueOf(execution.getVariable("variants"))));
		execution.setVariable("variant", variant);
		execution.setVariable("splitTest", testKey);
	}
}
