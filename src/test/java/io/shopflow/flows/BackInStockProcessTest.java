package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.BackInStockFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/back-in-stock.bpmn: shop.product.restocked reaches each customer who viewed or carted the product within
 * 30 days and did not buy it since, once.
 */
class BackInStockProcessTest extends FlowProcessTest {


	String product;

	@BeforeEach
	void aProduct() {
		product = "p-boots-" + id().substring(0, 6);
	}

	@Test
	void viewersAndCartersOfTheLast30DaysAreToldOnce() {
		String viewer = customer("viewer");
		String carter = customer("carter");
		String longAgo = customer("long-ago");
		String buyer = customer("buyer");
		view(viewer, "2026-11-20T10:00:00Z");
		send(event(id(), "shop.cart.updated", carter, """
				{"cartId":"cart-%s","items":[{"productId":"%s","name":"Rain boots","quantity":1,"price":80}],
				 "total":80,"currency":"EUR"}""".formatted(id(), product)));
		view(longAgo, "2026-10-20T10:00:00Z");
		view(buyer, "2026-11-20T10:00:00Z");
		send(event(id(), "shop.order.placed", buyer, """
				{"orderId":"o-%s","items":[{"productId":"%s","quantity":1,"price":80}],"total":80,"currency":"EUR"}"""
				.formatted(id(), product)).replace("2026-11-24T10:00:00Z", "2026-11-21T10:00:00Z"));

		restock();

		assertThat(waiting()).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(viewer, carter);
		waiting().forEach(instance -> {
			execute(job(instance));
			BpmnAwareTests.assertThat(instance).hasPassed(END_NOTIFIED).isEnded();
		});
		assertThat(emails(viewer)).singleElement().asString().contains("Rain boots");
		assertThat(emails(carter)).hasSize(1);
		assertThat(emails(longAgo)).isEmpty();
		assertThat(emails(buyer)).isEmpty();
	}

	@Test
	void aSecondRestockWithinTheWindowIsNotAnnouncedAgain() {
		String viewer = customer("viewer");
		view(viewer, "2026-11-20T10:00:00Z");
		restock();
		waiting().forEach(instance -> execute(job(instance)));
		passTime(java.time.Duration.ofDays(3));

		restock();
		ProcessInstance again = waiting().get(0);
		execute(job(again));

		assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(again.getId())
				.variableName("sendSkipReason").singleResult().getValue()).isEqualTo("sent-recently");
		assertThat(emails(viewer)).hasSize(1);
	}

	@Test
	void aRestockWithNoInterestedCustomerStartsNothing() {
		restock();
		assertThat(waiting()).isEmpty();
	}

	private String customer(String who) {
		String id = customer + "-" + who;
		send(registered(id, id + "@example.com", "en", true));
		return id;
	}

	private void view(String who, String time) {
		send(event(id(), "shop.product.viewed", who, """
				{"productId":"%s","name":"Rain boots","url":"https://shop.example.com/p/boots","price":80,"currency":"EUR"}"""
				.formatted(product)).replace("2026-11-24T10:00:00Z", time));
	}

	private void restock() {
		send("""
				{"specversion":"1.0","id":"%s","source":"https://shop.example.com","type":"shop.product.restocked",
				 "data":{"productId":"%s"}}""".formatted(id(), product));
	}

	private List<ProcessInstance> waiting() {
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.variableValueEquals(VAR_PRODUCT_ID, product).list();
	}

	private List<String> emails(String who) {
		return jdbc.sql("select text_body from outbox where recipient = ? and headers like '%back-in-stock%'")
				.param(who + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
