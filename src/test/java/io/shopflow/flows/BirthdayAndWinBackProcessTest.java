package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** bpmn/birthday.bpmn (a yearly date timer in the customer's zone) and bpmn/win-back.bpmn (re-armed by orders). */
class BirthdayAndWinBackProcessTest extends FlowProcessTest {

	@Autowired
	MockMvc web;

	@Test
	void aBirthdayIsGreetedAt9InTheCustomersZoneEveryYear() {
		send(event(id(), "shop.customer.registered", customer, """
				{"email":"%s@example.com","locale":"en","timeZone":"America/New_York","birthday":"1990-12-24",
				 "consent":{"email":true}}""".formatted(customer)));
		ProcessInstance birthday = instance(BirthdayFlow.KEY);

		BpmnAwareTests.assertThat(birthday).isWaitingAt(BirthdayFlow.TIMER_NEXT_BIRTHDAY);
		assertThat(job(birthday).getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-24T14:00:00Z"));
		at("2026-12-24T14:00:00Z");
		execute(job(birthday));
		BpmnAwareTests.assertThat(birthday).hasPassed(BirthdayFlow.TASK_ISSUE_COUPON).isWaitingAt(BirthdayFlow.TASK_SEND_BIRTHDAY);
		execute(job(birthday));

		assertThat(emails(BirthdayFlow.KEY)).singleElement().asString()
				.contains((String) runtimeService().getVariable(birthday.getId(), BirthdayFlow.VAR_COUPON_CODE));
		BpmnAwareTests.assertThat(birthday).isWaitingAt(BirthdayFlow.TIMER_NEXT_BIRTHDAY);
		assertThat(job(birthday).getDuedate().toInstant()).isEqualTo(Instant.parse("2027-12-24T14:00:00Z"));
	}

	@Test
	void aChangedBirthdayMovesTheGreetingAndNoBirthdayMeansNoFlow() {
		send(registered(customer, customer + "@example.com", "en", true));
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(BirthdayFlow.KEY)
				.processInstanceBusinessKey(customer).count()).as("no birthday known").isZero();

		send(event(id(), "shop.customer.updated", customer, "{\"birthday\":\"1985-02-10\"}"));

		ProcessInstance birthday = instance(BirthdayFlow.KEY);
		assertThat(job(birthday).getDuedate().toInstant()).as("09:00 Stockholm, the fallback zone")
				.isEqualTo(Instant.parse("2027-02-10T08:00:00Z"));

		send(event(id(), "shop.customer.updated", customer, "{\"birthday\":\"1985-03-10\"}"));
		ProcessInstance moved = instance(BirthdayFlow.KEY);
		BpmnAwareTests.assertThat(birthday).as("re-armed through its drawn exit").hasPassed(BirthdayFlow.END_RESTARTED).isEnded();
		assertThat(job(moved).getDuedate().toInstant()).isEqualTo(Instant.parse("2027-03-10T08:00:00Z"));
	}

	@Test
	void winBackWaitsFromTheLastOrderAsksWhyThenMakesAnOffer() throws Exception {
		send(registered(customer, customer + "@example.com", "en", true));
		send(orderPlaced(customer, "cart-1"));
		ProcessInstance first = instance(WinBackFlow.KEY);
		at("2027-01-24T10:00:00Z");
		send(orderPlaced(customer, "cart-2"));

		ProcessInstance winBack = instance(WinBackFlow.KEY);
		assertThat(winBack.getId()).as("the order re-armed it").isNotEqualTo(first.getId());
		BpmnAwareTests.assertThat(first).as("through its drawn exit").hasPassed(WinBackFlow.END_ORDERED).isEnded();
		assertThat(job(winBack).getDuedate().toInstant()).isEqualTo(Instant.parse("2027-04-24T10:00:00Z"));
		at("2027-04-24T10:00:00Z");
		execute(job(winBack));
		execute(job(winBack));
		String missYou = emails(WinBackFlow.KEY).get(0);
		Matcher survey = Pattern.compile("http://localhost:8080(/survey/[^?\\s\"]+)\\?answer=price").matcher(missYou);
		assertThat(survey.find()).as("survey link in: " + missYou).isTrue();
		web.perform(get(survey.group(1)).param("answer", "price")).andExpect(status().isOk());
		assertThat(jdbc.sql("select answer from survey_answers where customer_id = ?").param(customer)
				.query(String.class).single()).isEqualTo("price");

		at("2027-05-01T10:00:00Z");
		execute(job(winBack));
		execute(job(winBack));
		BpmnAwareTests.assertThat(winBack).hasPassed(WinBackFlow.TASK_ISSUE_COUPON, WinBackFlow.TASK_SEND_INCENTIVE).isEnded();
		assertThat(emails(WinBackFlow.KEY)).hasSize(2).last().asString()
				.contains((String) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
						.processInstanceId(winBack.getId()).variableName(WinBackFlow.VAR_COUPON_CODE).singleResult().getValue());
	}

	private ProcessInstance instance(String flow) {
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(flow)
				.processInstanceBusinessKey(customer).singleResult();
	}

	private List<String> emails(String flow) {
		return jdbc.sql("select text_body from outbox where recipient = ? and headers like ? order by id")
				.params(customer + "@example.com", "%\"" + flow + "\"%").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
