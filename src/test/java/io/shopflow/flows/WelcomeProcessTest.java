package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.WelcomeFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;

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

/** Every path of bpmn/welcome.bpmn with the real delegates, templates and send log; the clock moved by hand. */
class WelcomeProcessTest extends FlowProcessTest {

	@Test
	void theCouponIsSplitTestedTenAgainstFifteenPercentAndTheSendsRecordTheVariant() {
		java.util.Map<String, Double> percents = new java.util.HashMap<>();
		for (int i = 0; i < 12; i++) {
			customer = "c-split-" + id().substring(0, 8);
			ProcessInstance welcome = register("en", true);
			String variant = (String) runtimeService().getVariable(welcome.getId(), "variant");
			execute(job(welcome));
			String code = (String) runtimeService().getVariable(welcome.getId(), "couponCode");
			percents.put(variant, jdbc.sql("select percent from coupons where code = ?").param(code).query(Double.class)
					.single());
			assertThat(jdbc.sql("select variant from send_log where customer_id = ?").param(customer).query(String.class)
					.single()).isEqualTo(variant);
		}
		assertThat(percents).containsEntry("a", 10.0).containsEntry("b", 15.0);
	}

	@Test
	void welcomesWithACouponThenTellsTheStoryThenInvitesToTheClub() {
		ProcessInstance welcome = register("sv-SE", true);

		boolean challenger = "b".equals(runtimeService().getVariable(welcome.getId(), "variant"));
		BpmnAwareTests.assertThat(welcome).hasPassed(TASK_SPLIT_COUPON,
				challenger ? TASK_ISSUE_CHALLENGER_COUPON : TASK_ISSUE_COUPON).isWaitingAt(TASK_SEND_WELCOME);
		execute(job(welcome));
		String code = (String) runtimeService().getVariable(welcome.getId(), "couponCode");
		assertThat(code).startsWith("SF-");
		assertThat(jdbc.sql("select percent from coupons where code = ?").param(code).query(Double.class).single())
				.isEqualTo(challenger ? 15.0 : 10.0);
		assertThat(emails()).singleElement().asString().contains(code);
		BpmnAwareTests.assertThat(welcome).isWaitingAt(TIMER_STORY);

		passTime(Duration.ofHours(47));
		assertThat(BpmnAwareTests.jobQuery().processInstanceId(welcome.getId()).executable().count()).isZero();
		passTime(Duration.ofHours(1));
		execute(job(welcome));
		execute(job(welcome));
		BpmnAwareTests.assertThat(welcome).hasPassed(TASK_SEND_STORY).isWaitingAt(TIMER_CLUB);

		passTime(Duration.ofDays(2));
		execute(job(welcome));
		execute(job(welcome));
		BpmnAwareTests.assertThat(welcome).hasPassed(TASK_SEND_CLUB, END_SERIES_SENT).isEnded();
		assertThat(emails()).hasSize(3);
		assertThat(jdbc.sql("select step from send_log where customer_id = ? and flow = 'welcome' order by created_at")
				.param(customer).query(String.class).list().stream().map(io.shopflow.Links::untracked).toList())
				.containsExactly(TASK_SEND_WELCOME, TASK_SEND_STORY, TASK_SEND_CLUB);
	}

	@Test
	void aNewsletterSignUpStartsItToo() {
		send(event(id(), "shop.newsletter.subscribed", customer,
				"{\"email\":\"%s@example.com\",\"locale\":\"en\"}".formatted(customer)));

		ProcessInstance welcome = instance();
		BpmnAwareTests.assertThat(welcome).isWaitingAt(TASK_SEND_WELCOME);
		execute(job(welcome));
		assertThat(emails()).hasSize(1);
	}

	@Test
	void aCustomerWhoBuysStopsGettingTheSeriesWhereverItWaits() {
		for (String waitingAt : List.of(TASK_SEND_WELCOME, TIMER_STORY, TIMER_CLUB)) {
			customer = "c-" + id().substring(0, 8);
			ProcessInstance welcome = register("en", true);
			if (!waitingAt.equals(TASK_SEND_WELCOME)) {
				execute(job(welcome));
			}
			if (waitingAt.equals(TIMER_CLUB)) {
				passTime(Duration.ofHours(48));
				execute(job(welcome));
				execute(job(welcome));
			}
			BpmnAwareTests.assertThat(welcome).isWaitingAt(waitingAt);

			send(orderPlaced(customer, "cart-1"));

			BpmnAwareTests.assertThat(welcome).hasPassed(END_ORDERED).isEnded();
		}
	}

	@Test
	void registeringAgainWhileTheSeriesRunsChangesNothing() {
		register("en", true);
		send(registered(customer, customer + "@example.com", "en", true));

		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);
	}

	@Test
	void noEmailWithoutConsent() {
		ProcessInstance welcome = register("en", false);
		execute(job(welcome));

		BpmnAwareTests.assertThat(welcome).isWaitingAt(TIMER_STORY);
		assertThat(emails()).isEmpty();
		assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(welcome.getId())
				.variableName("sendSkipReason").singleResult().getValue()).isEqualTo("no-consent");
	}

	private ProcessInstance register(String locale, boolean consent) {
		send(registered(customer, customer + "@example.com", locale, consent));
		return instance();
	}

	private ProcessInstance instance() {
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).singleResult();
	}

	private List<String> emails() {
		return jdbc.sql("select text_body from outbox where recipient = ? order by id").param(customer + "@example.com")
				.query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
