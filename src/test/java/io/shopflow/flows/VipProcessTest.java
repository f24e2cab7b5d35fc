package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.VipFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/vip.bpmn with the default tiers (silver: 3 orders or 300, gold: 6 or 1000, platinum: 12 or 3000):
 * a new tier is announced once, "almost there" nudges once per tier, other orders end quietly.
 */
class VipProcessTest extends FlowProcessTest {

	@BeforeEach
	void aKnownCustomer() {
		send(registered(customer, customer + "@example.com", "en", true));
	}

	@Test
	void theThirdOrderReachesSilver() {
		order(50);
		assertThat(lastEnd()).isEqualTo(END_NO_NEWS);
		order(50);
		assertThat(lastEnd()).as("2 of 3 orders is not within 10%").isEqualTo(END_NO_NEWS);
		order(50);
		runSends();

		assertThat(lastEnd()).isEqualTo(END_TIER_REACHED);
		assertThat(emails()).singleElement().asString().contains("Silver");
	}

	@Test
	void spendingCanReachATierAtOnce() {
		order(1200);
		runSends();
		assertThat(emails()).singleElement().asString().contains("Gold");
	}

	@Test
	void almostThereIsNudgedOncePerTier() {
		order(920);
		runSends();
		assertThat(lastEnd()).as("silver by spend is announced first").isEqualTo(END_TIER_REACHED);
		passTime(java.time.Duration.ofDays(1));
		order(10);
		runSends();
		assertThat(lastEnd()).as("930 is within 10% of gold's 1000").isEqualTo(END_NUDGED);
		order(10);
		runSends();

		List<String> emails = emails();
		assertThat(emails).hasSize(2);
		assertThat(emails.get(1)).contains("Gold");
		String[] instances = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).list().stream().map(HistoricProcessInstance::getId)
				.toArray(String[]::new);
		assertThat(historyService().createHistoricVariableInstanceQuery().variableName("sendSkipReason")
				.processInstanceIdIn(instances).list())
				.anySatisfy(skip -> assertThat(skip.getValue()).isEqualTo("sent-recently"));
	}

	private void order(int total) {
		passTime(java.time.Duration.ofMinutes(1));
		send(event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","items":[{"productId":"p-vip","quantity":1,"price":%d}],"total":%d,"currency":"EUR"}"""
				.formatted(id(), total, total)));
	}

	private void runSends() {
		runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(customer)
				.list().forEach(instance -> execute(job(instance)));
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).count()).isZero();
	}

	private String lastEnd() {
		HistoricProcessInstance last = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).orderByProcessInstanceStartTime().desc().list().get(0);
		return last.getEndActivityId();
	}

	private List<String> emails() {
		return jdbc.sql("select text_body from outbox where recipient = ? and headers like '%vip%' order by id")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
