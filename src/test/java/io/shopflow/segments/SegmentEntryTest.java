package io.shopflow.segments;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entering a segment starts a flow: on the event that makes the customer a member, and on the scheduled
 * re-evaluation for a condition that time alone fulfils. A flow names its segment (shopflow.segment).
 */
@EngineTest
class SegmentEntryTest {

	@Autowired
	Segments segments;

	@Autowired
	SegmentMembership membership;

	@Autowired
	EventParser parser;

	@Autowired
	EventIntake intake;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();
	final String run = "entry" + id().substring(0, 6);
	Deployment flows;

	@BeforeEach
	void aFlowPerSegment() {
		flows = repository.createDeployment().name("segment entry test")
				.addModelInstance("repeat-buyers.bpmn", flowFor("repeat-" + run, "flow-repeat-" + run))
				.addModelInstance("lapsed.bpmn", flowFor("lapsed-" + run, "flow-lapsed-" + run))
				.deploy();
	}

	@AfterEach
	void cleanUp() {
		repository.deleteDeployment(flows.getId(), true);
		ClockUtil.reset();
	}

	@Test
	void theSecondOrderMakesARepeatBuyerAndStartsTheFlowOfThatSegmentOnly() throws Exception {
		segments.save("repeat-" + run, "Repeat buyers", json.readTree(
				"{\"and\":[" + ours() + ",{\"orders\":{\"atLeast\":2}}]}"));
		String customer = run + "-anna";
		send(registered(customer, customer + "@example.com", "en", true));
		send(orderPlaced(customer, "cart-1"));
		assertThat(instances("flow-repeat-" + run, customer)).isZero();

		send(orderPlaced(customer, "cart-2"));

		assertThat(instances("flow-repeat-" + run, customer)).isEqualTo(1);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("flow-repeat-" + run)
				.processInstanceBusinessKey(customer).variableValueEquals("segmentKey", "repeat-" + run).count()).isOne();
		assertThat(instances("flow-lapsed-" + run, customer)).as("another segment's flow").isZero();
		send(orderPlaced(customer, "cart-3"));
		assertThat(instances("flow-repeat-" + run, customer)).as("entered once").isEqualTo(1);
	}

	@Test
	void timeAloneMakesALapsedCustomerOnTheScheduledReevaluation() throws Exception {
		segments.save("lapsed-" + run, "Lapsed", json.readTree(
				"{\"and\":[" + ours() + ",{\"orders\":{\"atLeast\":1},\"lastNotWithin\":\"P180D\"}]}"));
		String customer = run + "-bo";
		send(registered(customer, customer + "@example.com", "en", true));
		send(orderPlaced(customer, "cart-1"));
		membership.refresh(segments.find("lapsed-" + run).orElseThrow());
		assertThat(instances("flow-lapsed-" + run, customer)).isZero();

		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(200).toMillis()));
		membership.refresh(segments.find("lapsed-" + run).orElseThrow());

		assertThat(instances("flow-lapsed-" + run, customer)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from segment_members where segment_key = ? and customer_id = ?")
				.params("lapsed-" + run, customer).query(Long.class).single()).isOne();
	}

	private BpmnModelInstance flowFor(String segment, String key) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
				.startEvent("StartEvent_Entered").message("shopflow.segment.entered@" + key)
				.userTask("Task_Wait").endEvent().done();
		var process = model.getModelElementById(key);
		var extensions = model.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
		var properties = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
		var property = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
		property.setCamundaName("shopflow.segment");
		property.setCamundaValue(segment);
		properties.addChildElement(property);
		extensions.addChildElement(properties);
		((org.camunda.bpm.model.bpmn.instance.Process) process).setExtensionElements(extensions);
		return model;
	}

	private long instances(String flow, String customer) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(flow).processInstanceBusinessKey(customer).count();
	}

	private String ours() {
		return "{\"profile\":\"email\",\"startsWith\":\"" + run + "-\"}";
	}

	private void send(String event) {
		intake.accept(parser.parse(event.getBytes(StandardCharsets.UTF_8)));
	}
}
