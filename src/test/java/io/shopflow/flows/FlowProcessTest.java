package io.shopflow.flows;

import static io.shopflow.TestEvents.id;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every flow's process test needs: a fresh customer, the engine clock in the test's hands (daytime by
 * default, so quiet hours stay out of the way), and events sent through the real intake.
 */
@EngineTest
abstract class FlowProcessTest {

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected EventParser parser;

	@Autowired
	protected EventIntake intake;

	@Autowired
	protected JdbcClient jdbc;

	protected String customer;
	protected Date now;

	@BeforeEach
	void startTheClock() {
		BpmnAwareTests.init(engine);
		customer = "c-" + id().substring(0, 8);
		at("2026-11-24T09:00:00Z");
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	protected void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}

	protected void at(String instant) {
		now = Date.from(Instant.parse(instant));
		ClockUtil.setCurrentTime(now);
	}

	protected void passTime(Duration duration) {
		now = new Date(now.getTime() + duration.toMillis());
		ClockUtil.setCurrentTime(now);
	}
}
