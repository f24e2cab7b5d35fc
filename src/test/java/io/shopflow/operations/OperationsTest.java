package io.shopflow.operations;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Health, Prometheus metrics and the OpenAPI description, as an operator and an integrator see them. */
@EngineTest
class OperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventParser parser;

	@Autowired
	EventIntake intake;

	@Autowired
	ManagementService management;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void healthIsPublicAndItsDetailsNeedTheToken() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").exists())
				.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(jsonPath("$.components.jobBacklog.details.jobsDue").isNumber())
				.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	void prometheusCountsEventsCorrelationsSendsAndSkips() throws Exception {
		String customer = "c-metrics-" + id().substring(0, 6);
		intake.accept(parser.parse(registered(customer, customer + "@example.com", "en", false)
				.getBytes(StandardCharsets.UTF_8)));
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).list().forEach(instance ->
				management.createJobQuery().processInstanceId(instance.getId()).executable().list()
						.forEach(job -> management.executeJob(job.getId())));

		String metrics = mvc.perform(get("/actuator/prometheus").header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(metrics).contains("shopflow_events_received_total{type=\"shop.customer.registered\"}")
				.contains("shopflow_flows_correlations_total{flow=\"welcome\",kind=\"start\"}")
				.containsPattern("shopflow_sends_total\\{channel=\"none\",flow=\"welcome\",outcome=\"skipped\",step=\"Task_SendWelcome\"\\}")
				.contains("shopflow_gate_skips_total{flow=\"welcome\",reason=\"no-consent\"}")
				.contains("shopflow_jobs_due").contains("shopflow_incidents_open");
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiIsDescribedWithAnExampleOfEveryEventType() throws Exception {
		String api = mvc.perform(get("/v3/api-docs").header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(api).contains("\"/api/events\"").contains("\"/api/stats/flows/{key}\"")
				.contains("\"/api/customers/{id}/export\"").contains("\"/hooks/shopify\"");
		for (String type : new String[] { "shop.customer.registered", "shop.customer.updated", "shop.newsletter.subscribed",
				"shop.product.viewed", "shop.cart.updated", "shop.checkout.started", "shop.order.placed",
				"shop.order.delivered", "shop.customer.unsubscribed", "shop.push.subscribed", "shop.product.restocked" }) {
			assertThat(api).as(type).contains("\"" + type + "\":{\"summary\"");
		}
		mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
	}
}
