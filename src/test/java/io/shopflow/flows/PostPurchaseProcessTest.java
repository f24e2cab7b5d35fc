package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.PostPurchaseFlow.*;
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

		BpmnAwareTests.assertThat(order).hasPassed(GATEWAY_FIRST_ORDER).isWaitingAt(TASK_SEND_THANK_YOU_FIRST);
		execute(job(order));
		BpmnAwareTests.assertThat(order).isWaitingAt(TASK_SEND_CROSS_SELL);
		execute(job(order));
		BpmnAwareTests.assertThat(order).isWaitingAt(GATEWAY_DELIVERED);
		assertThat(emails()).hasSize(2);

		send(event(id(), "shop.order.delivered", customer, "{\"orderId\":\"o-1-%s\"}".formatted(customer)));
		BpmnAwareTests.assertThat(order).isWaitingAt(TIMER_REVIEW_AFTER_DELIVERY);
		passTime(Duration.ofDays(3));
		execute(job(order));
		execute(job(order));
		BpmnAwareTests.assertThat(order).hasPassed(TASK_SEND_REVIEW_REQUEST).isWaitingAt(TIMER_LATER_CROSS_SELL);

		passTime(Duration.ofHours(720));
		execute(job(order));
		execute(job(order));
		BpmnAwareTests.assertThat(order).hasPassed(TASK_SEND_LATER_CROSS_SELL, END_DONE).isEnded();
		assertThat(emails()).hasSize(4);
		assertThat(jdbc.sql("select step from send_log where customer_id = ? and flow = 'post-purchase' "
				+ "order by created_at").param(customer).query(String.class).list().stream().map(io.shopflow.Links::untracked).toList()).containsExactlyInAnyOrder(
						TASK_SEND_THANK_YOU_FIRST, TASK_SEND_CROSS_SELL, TASK_SEND_REVIEW_REQUEST,
						TASK_SEND_LATER_CROSS_SELL);
	}

	@Test
	void aRepeatOrderGetsThePlainThankYouAndNoDeliveryMeansAReviewAfter14Days() {
		send(registered(customer, customer + "@example.com", "en", true));
		order("o-1-" + customer);
		ProcessInstance second = order("o-2-" + customer);

		BpmnAwareTests.assertThat(second).isWaitingAt(TASK_SEND_THANK_YOU);
		execute(job(second));
		execute(job(second));
		passTime(Duration.ofDays(14));
		execute(job(second));
		BpmnAwareTests.assertThat(second).hasPassed(TIMER_NO_DELIVERY_REPORTED).isWaitingAt(TASK_SEND_REVIEW_REQUEST);
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
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).variableValueEquals("orderId", orderId).singleResult();
	}

	private List<String> emails() {
		return jdbc.sql("select text_body from outbox where recipient = ? and headers like '%post-purchase%' order by id")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
