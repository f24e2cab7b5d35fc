package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.AbandonedCartFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.shopflow.EngineTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/abandoned-cart.bpmn, with the real delegates, templates and send log on an in-memory
 * database. The job executor is off: each test moves the engine clock and runs the due jobs itself.
 * Emails land in the outbox (no SMTP configured), where the test reads them.
 */
class AbandonedCartProcessTest extends FlowProcessTest {

	@BeforeEach
	void noRunningFlows() {
		// each test starts from no running flows, so counts are the test's own
		runtimeService().createProcessInstanceQuery().list()
				.forEach(instance -> runtimeService().deleteProcessInstance(instance.getId(), "test set-up"));
	}

	@Test
	void sendsThreeRemindersTheLastWithAUniqueCoupon() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");

		BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_FIRST_REMINDER).variables().containsEntry(VAR_STAGE, "cart");
		passTime(Duration.ofMinutes(59));
		assertThat(jobQuery().processInstanceId(cart.getId()).executable().count()).isZero();
		passAndRun(cart, Duration.ofMinutes(1), TASK_SEND_FIRST_REMINDER);
		BpmnAwareTests.assertThat(cart).hasPassed(TASK_SEND_FIRST_REMINDER).isWaitingAt(TIMER_SECOND_REMINDER);
		assertThat(subjects()).hasSize(1);

		passAndRun(cart, Duration.ofDays(1), TASK_SEND_SECOND_REMINDER);
		BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_THIRD_REMINDER);

		passAndRun(cart, Duration.ofDays(2), TASK_SEND_THIRD_REMINDER);
		BpmnAwareTests.assertThat(cart).hasPassed(TASK_ISSUE_COUPON, TASK_SEND_THIRD_REMINDER, END_REMINDERS_DONE).isEnded();
		String code = (String) historyService().createHistoricVariableInstanceQuery().processInstanceId(cart.getId())
				.variableName(VAR_COUPON_CODE).singleResult().getValue();
		assertThat(code).startsWith("SF-");
		assertThat(jdbc.sql("select percent from coupons where code = ?").param(code).query(Double.class).single())
				.isEqualTo(5.0);
		assertThat(outbox("text_body")).hasSize(3).last().asString().contains(code).contains("5%");
		assertThat(jdbc.sql("select step from send_log where customer_id = ? order by created_at").param(customer)
				.query(String.class).list().stream().map(io.shopflow.Links::untracked).toList())
				.containsExactly(TASK_SEND_FIRST_REMINDER, TASK_SEND_SECOND_REMINDER, TASK_SEND_THIRD_REMINDER);
	}

	@Test
	void aRetriedSendJobDoesNotSendTwice() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");
		passTime(Duration.ofHours(1));
		execute(job(cart));
		BpmnAwareTests.assertThat(cart).isWaitingAt(TASK_SEND_FIRST_REMINDER);
		String key = new SendKeysProbe(engine).keyOf(job(cart).getId());

		// as if the first attempt had sent and then crashed before its transaction committed
		jdbc.sql("""
				insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, attempts,
				  created_at, updated_at, sent_at)
				values (?, ?, 'abandoned-cart', ?, 'email', true, 'SENT', 1, current_timestamp, current_timestamp,
				  current_timestamp)""").params(key, customer, TASK_SEND_FIRST_REMINDER).update();
		execute(job(cart));

		BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_SECOND_REMINDER);
		assertThat(subjects()).isEmpty();
	}

	@Test
	void aSendCutOffMidDeliveryIsNotRepeatedButLeftToTheOperator() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");
		passTime(Duration.ofHours(1));
		execute(job(cart));
		String key = new SendKeysProbe(engine).keyOf(job(cart).getId());
		// as if a node died after handing the email to SMTP and before recording it as sent
		jdbc.sql("""
				insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, attempts,
				  created_at, updated_at)
				values (?, ?, 'abandoned-cart', ?, 'email', true, 'SENDING', 1, current_timestamp, current_timestamp)""")
				.params(key, customer, TASK_SEND_FIRST_REMINDER).update();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(job(cart).getId()))
				.hasMessageContaining("may have gone out");
		assertThat(subjects()).isEmpty();
		BpmnAwareTests.assertThat(cart).isWaitingAt(TASK_SEND_FIRST_REMINDER);
	}

	@Test
	void anSmsDueInFrenchQuietHoursWaitsForMondayMorningThenGoesOut() {
		WireMockServer twilio = new WireMockServer(WireMockConfiguration.wireMockConfig().port(EngineTest.TWILIO_PORT));
		twilio.start();
		try {
			twilio.stubFor(WireMock.post(WireMock.anyUrl()).willReturn(WireMock.okJson("{\"sid\":\"SM1\"}")));
			send(event(id(), "shop.customer.registered", customer, """
					{"email":"%s@example.com","locale":"fr-FR","timeZone":"Europe/Paris","phone":"+33612345678",
					 "consent":{"email":true,"sms":true}}""".formatted(customer)));
			// Friday 21:30 in Paris: the second reminder falls due on Saturday 22:30, inside French quiet hours
			now = Date.from(Instant.parse("2026-12-04T20:30:00Z"));
			ClockUtil.setCurrentTime(now);
			ProcessInstance cart = startCart("cart-1");
			passAndRun(cart, Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);
			passTime(Duration.ofDays(1));
			execute(job(cart));

			String sendJob = job(cart).getId();
			int retriesBefore = job(cart).getRetries();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(sendJob))
					.isInstanceOf(io.shopflow.messaging.SendDeferred.class);

			BpmnAwareTests.assertThat(cart).isWaitingAt(TASK_SEND_SECOND_REMINDER);
			var deferred = job(cart);
			assertThat(deferred.getDuedate().toInstant()).as("Sunday is quiet in France: Monday 08:00 Paris")
					.isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
			assertThat(deferred.getRetries()).as("a deferral is not a failure").isEqualTo(retriesBefore);
			twilio.verify(0, WireMock.postRequestedFor(WireMock.anyUrl()));

			now = Date.from(Instant.parse("2026-12-07T07:00:00Z"));
			ClockUtil.setCurrentTime(now);
			execute(job(cart));

			BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_THIRD_REMINDER);
			twilio.verify(1, WireMock.postRequestedFor(WireMock.anyUrl())
					.withRequestBody(WireMock.containing("To=%2B33612345678")));
		}
		finally {
			twilio.stop();
		}
	}

	@Test
	void checkoutStartedSwitchesToCheckoutWordingAndRearms() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");
		passTime(Duration.ofMinutes(50));

		send(checkoutStarted(customer, "cart-1"));

		BpmnAwareTests.assertThat(cart).hasPassed(EVENT_CHECKOUT_STARTED).isWaitingAt(TIMER_FIRST_REMINDER);
		BpmnAwareTests.assertThat(cart).variables().containsEntry(VAR_STAGE, "checkout");
		passTime(Duration.ofMinutes(50));
		assertThat(jobQuery().processInstanceId(cart.getId()).executable().count())
				.as("the timer was re-armed at checkout").isZero();
		passAndRun(cart, Duration.ofMinutes(10), TASK_SEND_FIRST_REMINDER);
		assertThat(subjects()).singleElement().asString().containsIgnoringCase("checkout");
	}

	@Test
	void aNewCartUpdateRearmsTheTimersWithTheNewCart() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");
		passAndRun(cart, Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);
		BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_SECOND_REMINDER);

		send(cartUpdated(id(), customer, "cart-1", "Red Teapot"));

		BpmnAwareTests.assertThat(cart).hasPassed(EVENT_CART_UPDATED_AGAIN).isWaitingAt(TIMER_FIRST_REMINDER);
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
				.as("no other instance, with or without business key").isEqualTo(1);
		passAndRun(cart, Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);
		assertThat(outbox("text_body")).hasSize(2).last().asString().contains("Red Teapot");
	}

	@Test
	void anotherCartOfTheSameCustomerGetsItsOwnInstanceAndItsOwnCheckout() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance first = startCart("cart-1");
		ProcessInstance second = startCart("cart-2");
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).count()).isEqualTo(2);

		send(checkoutStarted(customer, "cart-2"));

		BpmnAwareTests.assertThat(second).variables().containsEntry(VAR_STAGE, "checkout");
		BpmnAwareTests.assertThat(first).variables().containsEntry(VAR_STAGE, "cart");
	}

	@Test
	void anOrderEndsTheFlowAtEveryWait() {
		send(registered(customer, customer + "@example.com", "en", true));
		for (String waitingAt : List.of(TIMER_FIRST_REMINDER, TIMER_SECOND_REMINDER, TIMER_THIRD_REMINDER)) {
			ProcessInstance cart = startCart("cart-" + waitingAt);
			if (!waitingAt.equals(TIMER_FIRST_REMINDER)) {
				passAndRun(cart, Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);
			}
			if (waitingAt.equals(TIMER_THIRD_REMINDER)) {
				passAndRun(cart, Duration.ofDays(1), TASK_SEND_SECOND_REMINDER);
			}
			BpmnAwareTests.assertThat(cart).isWaitingAt(waitingAt);

			send(orderPlaced(customer, "cart-" + waitingAt));

			BpmnAwareTests.assertThat(cart).hasPassed(END_ORDERED).isEnded();
		}
	}

	@Test
	void anOrderEndsTheFlowWhileASendIsDue() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");
		passTime(Duration.ofHours(1));
		execute(job(cart));
		BpmnAwareTests.assertThat(cart).isWaitingAt(TASK_SEND_FIRST_REMINDER);

		send(orderPlaced(customer, "cart-1"));

		BpmnAwareTests.assertThat(cart).hasPassed(END_ORDERED).isEnded();
		assertThat(subjects()).isEmpty();
	}

	@Test
	void noEmailWithoutConsent() {
		send(registered(customer, customer + "@example.com", "en", false));
		ProcessInstance cart = startCart("cart-1");

		passAndRun(cart, Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);

		BpmnAwareTests.assertThat(cart).isWaitingAt(TIMER_SECOND_REMINDER).variables()
				.containsEntry(FlowVariables.SEND_OUTCOME, "SKIPPED")
				.containsEntry(FlowVariables.SKIP_REASON, "no-consent");
		assertThat(subjects()).isEmpty();
		assertThat(jdbc.sql("select reason from send_log where customer_id = ?").param(customer).query(String.class)
				.single()).isEqualTo("no-consent");
	}

	@Test
	void unsubscribingEndsTheFlow() {
		send(registered(customer, customer + "@example.com", "en", true));
		ProcessInstance cart = startCart("cart-1");

		send(event(id(), "shop.customer.unsubscribed", customer, "{\"channel\":\"all\"}"));

		BpmnAwareTests.assertThat(cart).hasPassed(END_UNSUBSCRIBED).isEnded();
	}

	@Test
	void swedishCustomersGetSwedishEmailsAndOthersFallBackToEnglish() {
		String swedish = customer;
		send(registered(customer, customer + "@example.com", "sv-SE", true));
		passAndRun(startCart("cart-1"), Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);
		String german = "c-" + id().substring(0, 8);
		send(registered(german, german + "@example.com", "de-DE", true));
		customer = german;
		passAndRun(startCart("cart-2"), Duration.ofHours(1), TASK_SEND_FIRST_REMINDER);

		assertThat(jdbc.sql("select subject from outbox where recipient in (?, ?) order by id")
				.params(swedish + "@example.com", german + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList())
				.hasSize(2)
				.satisfiesExactly(sv -> assertThat(sv).contains("varukorg"),
						en -> assertThat(en).containsIgnoringCase("cart"));
	}

	private ProcessInstance startCart(String cartId) {
		send(cartUpdated(id(), customer, cartId, "Blue Mug"));
		return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(customer)
				.variableValueEquals(VAR_CART_ID, cartId).singleResult();
	}

	/** Lets time pass, fires the due timer, then runs the asynchronous send task. */
	private void passAndRun(ProcessInstance instance, Duration duration, String sendTask) {
		passTime(duration);
		execute(job(instance));
		BpmnAwareTests.assertThat(instance).isWaitingAt(sendTask);
		execute(job(instance));
	}

	private List<String> subjects() {
		return outbox("subject");
	}

	private List<String> outbox(String column) {
		return jdbc.sql("select " + column + " from outbox where recipient = ? order by id")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
