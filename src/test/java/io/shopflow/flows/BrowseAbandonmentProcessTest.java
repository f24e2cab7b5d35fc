package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static io.shopflow.flows.BrowseAbandonmentFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

/** bpmn/browse-abandonment.bpmn: the nudge after a product view, its exits, and once per product per week. */
class BrowseAbandonmentProcessTest extends FlowProcessTest {

	@BeforeEach
	void aKnownCustomer() {
		send(registered(customer, customer + "@example.com", "en", true));
	}

	@Test
	void twoHoursAfterAViewTheProductIsShown() {
		ProcessInstance browse = view("p-lamp", "Brass Lamp");
		BpmnAwareTests.assertThat(browse).isWaitingAt(TIMER_STILL_INTERESTED);
		passTime(Duration.ofMinutes(119));
		assertThat(jobQuery().processInstanceId(browse.getId()).executable().count()).isZero();

		passAndSend(browse, Duration.ofMinutes(1));

		BpmnAwareTests.assertThat(browse).hasPassed(TASK_SEND_STILL_INTERESTED, END_SENT).isEnded();
		assertThat(emails()).singleElement().asString().contains("Brass Lamp").contains("https://shop.example.com/p/lamp");
	}

	@Test
	void anotherViewRestartsTheWaitWithTheLatestProduct() {
		ProcessInstance first = view("p-lamp", "Brass Lamp");
		passTime(Duration.ofMinutes(90));
		ProcessInstance latest = view("p-vase", "Blue Vase");
		BpmnAwareTests.assertThat(first).as("re-armed through its drawn exit").hasPassed(END_RESTARTED).isEnded();

		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);
		passTime(Duration.ofMinutes(90));
		assertThat(jobQuery().processInstanceId(latest.getId()).executable().count()).as("re-armed").isZero();
		passAndSend(latest, Duration.ofMinutes(30));
		assertThat(emails()).singleElement().asString().contains("looking at Blue Vase").doesNotContain("looking at Brass Lamp")
				.as("the earlier view is recommended").contains("You may also like").contains("Brass Lamp");
	}

	@Test
	void aCartOrAnOrderEndsIt() {
		ProcessInstance browse = view("p-lamp", "Brass Lamp");
		send(cartUpdated(id(), customer, "cart-1", "Brass Lamp"));
		BpmnAwareTests.assertThat(browse).hasPassed(END_ADDED_TO_CART).isEnded();

		ProcessInstance again = view("p-vase", "Blue Vase");
		send(orderPlaced(customer, "cart-1"));
		BpmnAwareTests.assertThat(again).hasPassed(END_ORDERED).isEnded();
		assertThat(emails()).isEmpty();
	}

	@Test
	void theSameProductIsMentionedAtMostOnceAWeek() {
		passAndSend(view("p-lamp", "Brass Lamp"), Duration.ofHours(2));
		passTime(Duration.ofDays(1));
		ProcessInstance second = view("p-lamp", "Brass Lamp");
		passAndSend(second, Duration.ofHours(2));

		assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(second.getId())
				.variableName("sendSkipReason").singleResult().getValue()).isEqualTo("sent-recently");
		passTime(Duration.ofDays(7));
		passAndSend(view("p-lamp", "Brass Lamp"), Duration.ofHours(2));
		assertThat(emails()).hasSize(2);
	}

	private ProcessInstance view(String productId, String name) {
		send(event(id(), "shop.product.viewed", customer, """
				{"productId":"%s","name":"%s","url":"https://shop.example.com/p/%s","price":49.5,"currency":"EUR"}"""
				.formatted(productId, name, productId.substring(2))));
		return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
				.processInstanceBusinessKey(customer).singleResult();
	}

	private void passAndSend(ProcessInstance browse, Duration duration) {
		passTime(duration);
		execute(job(browse));
		BpmnAwareTests.assertThat(browse).isWaitingAt(TASK_SEND_STILL_INTERESTED);
		execute(job(browse));
	}

	private List<String> emails() {
		return jdbc.sql("""
				select text_body from outbox where recipient = ? and headers like '%browse-abandonment%' order by id""")
				.param(customer + "@example.com").query(String.class).list().stream().map(io.shopflow.Links::untracked).toList();
	}
}
