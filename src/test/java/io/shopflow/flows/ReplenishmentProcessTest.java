package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.ReplenishmentFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/replenishment.bpmn: the reminder lead-time before a consumable runs out (catalogue or learned interval),
 * the one-click reorder link, the follow-up, and the exit on re-order.
 */
class ReplenishmentProcessTest extends FlowProcessTest {

	String product;

	@BeforeEach
	void aKnownCustomer() {
		send(registered(customer, customer + "@example.com", "en", true));
		product = "p-beans-" + id().substring(0, 6);
	}

	@Test
	void remindsLeadTimeBeforeTheCatalogueIntervalRunsOutWithAReorderLink() {
		order("2026-11-24T09:00:00Z", product, 1, "\"consumptionInterval\":\"P30D\"");
		ProcessInstance plan = running();
		BpmnAwareTests.assertThat(plan).isWaitingAt(TIMER_REMINDER_DUE)
				.variables().containsEntry(VAR_REMIND_IN, "PT648H").containsEntry(VAR_INTERVAL_SOURCE, "catalogue");
		assertThat(dueIn(plan)).isEqualTo(Duration.ofDays(27));

		passTime(Duration.ofDays(27));
		execute(job(plan));
		execute(job(plan));

		assertThat(emails()).singleElement().asString().contains("Coffee beans")
				.contains("https://shop.example.com/cart/add?product=" + product + "&quantity=1");
		BpmnAwareTests.assertThat(plan).isWaitingAt(TIMER_FOLLOW_UP);

		passTime(Duration.ofDays(5));
		execute(job(plan));
		execute(job(plan));
		BpmnAwareTests.assertThat(plan).hasPassed(TASK_SEND_RUNNING_LOW).hasPassed(END_REMINDED).isEnded();
		assertThat(emails()).hasSize(2);
	}

	@Test
	void twoUnitsLastTwiceAsLong() {
		order("2026-11-24T09:00:00Z", product, 2, "\"consumptionInterval\":\"P30D\"");
		assertThat(dueIn(running())).isEqualTo(Duration.ofDays(57));
	}

	@Test
	void theIntervalCanComeFromTheSettingsByCategory() {
		send(event(id(), "shop.product.viewed", customer,
				"{\"productId\":\"%s\",\"name\":\"Water filter\",\"category\":\"filters\"}".formatted(product)));
		order("2026-11-24T09:00:00Z", product, 1, "");
		assertThat(dueIn(running())).isEqualTo(Duration.ofDays(57));
	}

	@Test
	void aProductWithoutAnIntervalIsNotPlanned() {
		order("2026-11-24T09:00:00Z", product, 1, "");
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).count()).isZero();
	}

	@Test
	void reorderingTheProductExitsAndPlansAgain() {
		order("2026-11-24T09:00:00Z", product, 1, "\"consumptionInterval\":\"P30D\"");
		ProcessInstance first = running();
		passTime(Duration.ofDays(10));
		order("2026-12-04T09:00:00Z", product, 1, "");

		BpmnAwareTests.assertThat(first).hasPassed(START_REORDERED, END_REORDERED).isEnded();
		ProcessInstance second = running();
		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(dueIn(second)).isEqualTo(Duration.ofDays(27));
	}

	@Test
	void anotherProductsOrderLeavesThePlanAlone() {
		order("2026-11-24T09:00:00Z", product, 1, "\"consumptionInterval\":\"P30D\"");
		ProcessInstance plan = running();
		order("2026-11-25T09:00:00Z", "p-other-" + id(), 1, "");
		BpmnAwareTests.assertThat(plan).isWaitingAt(TIMER_REMINDER_DUE);
	}

	@Test
	void aPurchaseAfterTheReminderEndsItWithoutTheFollowUp() {
		order("2026-11-24T09:00:00Z", product, 1, "\"consumptionInterval\":\"P30D\"");
		ProcessInstance plan = running();
		passTime(Duration.ofDays(27));
		execute(job(plan));
		execute(job(plan));
		order("2026-12-22T09:00:00Z", "p-other-" + id(), 1, "");

		BpmnAwareTests.assertThat(plan).hasPassed(END_PURCHASED).hasNotPassed(TASK_SEND_RUNNING_LOW).isEnded();
		assertThat(emails()).hasSize(1);
	}

	@Test
	void fromTheThirdOrderOnTheCustomersOwnMedianIntervalCounts() {
		order("2026-08-01T09:00:00Z", product, 1, "\"consumptionInterval\":\"P30D\"");
		order("2026-08-21T09:00:00Z", product, 1, "");
		order("2026-09-14T09:00:00Z", product, 1, "");

		// gaps of 20 and 24 days: the median is 22 days, the reminder 3 days before
		BpmnAwareTests.assertThat(running()).variables().containsEntry(VAR_INTERVAL_SOURCE, "learned")
				.containsEntry(VAR_CONSUMPTION_INTERVAL, "PT528H").containsEntry(VAR_REMIND_IN, "PT456H");
	}

	@Test
	void aLeadTimeLongerThanTheIntervalRemindsHalfWay() {
		order("2026-11-24T09:00:00Z", product, 1, "\"consumptionInterval\":\"P4D\"");
		assertThat(dueIn(running())).isEqualTo(Duration.ofDays(2));
	}

	private void order(String time, String productId, int quantity, String extra) {
		String item = "{\"productId\":\"%s\",\"name\":\"Coffee beans\",\"quantity\":%d,\"price\":12%s}"
				.formatted(productId, quantity, extra.isEmpty() ? "" : "," + extra);
		send(event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","items":[%s],"total":12,"currency":"EUR"}""".formatted(id(), item))
				.replace("2026-11-24T10:00:00Z", time));
	}

	private ProcessInstance running() {
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).singleResult();
	}

	private Duration dueIn(ProcessInstance plan) {
		Job timer = job(plan);
		return Duration.between(now.toInstant(), Instant.ofEpochMilli(timer.getDuedate().getTime()));
	}

	private List<String> emails() {
		return jdbc.sql("""
				select text_body from outbox where recipient = ? and headers like '%replenishment%' order by id""")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
