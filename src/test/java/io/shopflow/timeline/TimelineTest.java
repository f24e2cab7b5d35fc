package io.shopflow.timeline;

import static io.shopflow.TestEvents.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The support question "why did this customer not get the reminder?" answered by the timeline. */
@EngineTest
class TimelineTest {

	@Autowired
	MockMvc web;

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void showsEventsConsentFlowsAndWhyAMessageWasSkipped() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		send(registered(customer, customer + "@example.com", "en", false));
		send(cartUpdated(id(), customer, "cart-1", "Mug"));
		String instance = runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).singleResult().getId();
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(1).toMillis()));
		management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
		management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
		send(orderPlaced(customer, "cart-1"));

		web.perform(get("/api/customers/{id}/timeline", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].kind", hasItems("event", "consent", "flow-entered", "message-skipped",
						"flow-exited")))
				.andExpect(jsonPath("$[?(@.kind == 'message-skipped')].reason", contains("no-consent")))
				.andExpect(jsonPath("$[?(@.kind == 'message-skipped')].details.step", contains("Task_SendFirstReminder")))
				.andExpect(jsonPath("$[?(@.kind == 'flow-exited' && @.details.flow == 'abandoned-cart')].reason",
						contains("SubProcess_OrderPlaced")))
				.andExpect(jsonPath("$[0].kind", is("event")));
		web.perform(get("/api/customers/{id}/timeline", customer)).andExpect(status().isUnauthorized());
	}

	private void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}
}
