package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/** bpmn/post-purchase.bpmn: thanks (first-order variant), instant cross-sell, review request, later cross-sell. */
class PostPurchaseProcessTest extends FlowProcessTest {

	@Test
	void aFirstOrderIsThankedSpeciallyThenCrossSoldThenReviewedAfterDelivery() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance order = order("o-1-" + customer);

		BpmnAwareTests.assertThat(order).hasPassed("Gateway_FirstOrder").isWaitingAt("Task_SendThankYouFirst");
		execute(job(order));
		BpmnAwareTests.assertThat(order).isWaitingAt("Task_SendCrossSell");
		execute(job(order));
		BpmnAwareTests.assertThat(order).isWaitingAt("Gateway_Delivered");
		assertThat(emails()).hasSize(2);

		send(event(id(), "shop.order.delivered", customer, "{\"orderId\":\"o-1-%s\"}".formatted(customer)));
		BpmnAwareTests.assertThat(order).isWaitingAt("Timer_ReviewAfterDelivery");
		passTime(Duration.ofDays(3));
		execute(job(order));
		execute(job(order));
		BpmnAwareTests.assertThat(order).hasPassed("Task_SendReviewRequest").isWaitingAt("Timer_LaterCrossSell");

		passTime(Duration.ofHours(720));
		execute(job(order));
		execute(job(order));
		BpmnAwareTests.assertThat(order).hasPassed("Task_SendLaterCrossSell", "EndEvent_Done").isEnded();
		assertThat(emails()).hasSize(4);
		assertThat(jdbc.sql("select step from send_log where customer_id = ? and flow = 'post-purchase' "
				+ "order by created_at").param(customer).query(String.class).list().stream().map(io.shopflow.Links::untracked).toList()).containsExactlyInAnyOrder(
						"Task_SendThankYouFirst", "Task_SendCrossSell", "Task_SendReviewRequest",
						"Task_SendLaterCrossSell");
	}

	@Test
	void aRepeatOrderGetsThePlainThankYouAndNoDeliveryMeansAReviewAfter14Days() {
		send(registered(customer, customer + "@example.com", "en", true));
		order("o-1-" + customer);
		ProcessInstance second = order("o-2-" + customer);

		BpmnAwareTests.assertThat(second).isWaitingAt("Task_SendThankYou");
		execute(job(second));
		execute(job(second));
		passTime(Duration.ofDays(14));
		execute(job(second));
		BpmnAwareTests.assertThat(second).hasPassed("Timer_NoDeliveryReported").isWaitingAt("Task_SendReviewRequest");
	}

	@Test
	void theThankYouIsTransactionalSoItNeedsNoMarketingConsent() {
		send(registered(customer, customer + "@example.com", "en", false));
		ProcessInstance order = order("o-1-" + customer);

		execute(job(order));
		execute(job(order));

		assertThat(jdbc.sql("select status || ':' || coalesce(reason, '') from send_log where customer_id = ? "
				+ "and flow = 'post-purchase' order by created_at").param(customer).query(String.class).list().stream().map(io.shopflow.Links::untracked).toList())
				.containsExactlyInAnyOrder("SENT:", "SKIPPED:no-consent");
	}

	private ProcessInstance order(String orderId) {
		send(event(id(), "shop.order.placed", customer, """
				{"orderId":"%s","items":[{"productId":"p-lamp","name":"Brass Lamp","quantity":1,"price":49.5}],
				 "total":49.5,"currency":"EUR"}""".formatted(orderId)));
		return runtimeService().createProcessInstanceQuery().processDefinitionKey("post-purchase")
				.processInstanceBusinessKey(customer).variableValueEquals("orderId", orderId).singleResult();
	}

	private List<String> emails() {
		return jdbc.sql("select text_body from outbox where recipient = ? and headers like '%post-purchase%' order by id")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
