package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * POST /api/flows/abandoned-cart/migrate with customers waiting at each timer of an older version: the dry run
 * reports and changes nothing, the real run moves them to the newest version where they wait on, due as before.
 */
class FlowMigrationTest extends FlowProcessTest {

	@Autowired
	MockMvc mvc;

	@Test
	void customersWaitingAtEachTimerMoveToTheNewestVersion() throws Exception {
		Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
		for (String timer : new String[] { AbandonedCartFlow.TIMER_FIRST_REMINDER, AbandonedCartFlow.TIMER_SECOND_REMINDER, AbandonedCartFlow.TIMER_THIRD_REMINDER }) {
			waiting.put(timer, waitingAt(timer));
		}
		String oldDefinition = waiting.get(AbandonedCartFlow.TIMER_FIRST_REMINDER).getProcessDefinitionId();
		Map<String, Long> dueDates = new LinkedHashMap<>();
		waiting.forEach((timer, cart) -> dueDates.put(timer, job(cart).getDuedate().getTime()));

		String xml = Files.readString(Path.of("bpmn/abandoned-cart.bpmn"))
				.replace("name=\"Abandoned cart\"", "name=\"Abandoned cart (new wording)\"");
		Deployment newer = repositoryService().createDeployment().name("migration test")
				.addString("abandoned-cart.bpmn", xml).deploy();
		try {
			mvc.perform(post("/api/flows/abandoned-cart/migrate").header("Authorization", io.shopflow.EngineTest.OPERATOR))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.dryRun").value(true))
					.andExpect(jsonPath("$.migrated").value(0))
					.andExpect(jsonPath("$.plans[?(@.valid == false)]").isEmpty());
			waiting.values().forEach(cart -> assertThat(definitionOf(cart)).as("after the dry run").isEqualTo(oldDefinition));

			mvc.perform(post("/api/flows/abandoned-cart/migrate").header("Authorization", io.shopflow.EngineTest.OPERATOR)
					.contentType(MediaType.APPLICATION_JSON).content("{\"dryRun\": false}"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.dryRun").value(false));

			String newest = repositoryService().createProcessDefinitionQuery().deploymentId(newer.getId()).singleResult()
					.getId();
			waiting.forEach((timer, cart) -> {
				assertThat(definitionOf(cart)).as(timer).isEqualTo(newest);
				BpmnAwareTests.assertThat(cart).isWaitingAt(timer);
				assertThat(job(cart).getDuedate().getTime()).as("due as before").isEqualTo(dueDates.get(timer));
			});
			ProcessInstance first = waiting.get(AbandonedCartFlow.TIMER_FIRST_REMINDER);
			passTime(Duration.ofHours(1));
			execute(job(first));
			execute(job(first));
			BpmnAwareTests.assertThat(first).hasPassed(AbandonedCartFlow.TASK_SEND_FIRST_REMINDER).isWaitingAt(AbandonedCartFlow.TIMER_SECOND_REMINDER);

			mvc.perform(post("/api/flows/nope/migrate").header("Authorization", io.shopflow.EngineTest.OPERATOR))
					.andExpect(status().isNotFound());
		}
		finally {
			repositoryService().deleteDeployment(newer.getId(), true);
		}
	}

	private ProcessInstance waitingAt(String timer) {
		String who = customer + "-" + timer;
		send(registered(who, who + "@example.com", "en", true));
		send(cartUpdated(id(), who, "cart-" + who, "Teapot"));
		ProcessInstance cart = runtimeService().createProcessInstanceQuery().processDefinitionKey(AbandonedCartFlow.KEY)
				.processInstanceBusinessKey(who).singleResult();
		Duration[] steps = { Duration.ofHours(1), Duration.ofDays(1) };
		int passed = timer.equals(AbandonedCartFlow.TIMER_FIRST_REMINDER) ? 0
				: timer.equals(AbandonedCartFlow.TIMER_SECOND_REMINDER) ? 1 : 2;
		for (int i = 0; i < passed; i++) {
			ClockUtilShift.shift(steps[i]);
			execute(job(cart));
			execute(job(cart));
			ClockUtilShift.back(steps[i]);
		}
		BpmnAwareTests.assertThat(cart).isWaitingAt(timer);
		return cart;
	}

	private static String definitionOf(ProcessInstance cart) {
		return runtimeService().createProcessInstanceQuery().processInstanceId(cart.getId()).singleResult()
				.getProcessDefinitionId();
	}

	/** Moves the engine clock for one customer's steps, then back, so all three wait from the same now. */
	static final class ClockUtilShift {

		static void shift(Duration by) {
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(
					org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + by.toMillis()));
		}

		static void back(Duration by) {
			shift(by.negated());
		}
	}
}
