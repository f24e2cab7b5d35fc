package io.shopflow.events;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.shopflow.events.ShopEvent.CartUpdated;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.shopflow.EngineTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch is one transaction; when it fails, every event gets its own, so the good ones are kept and the
 * failing one is reported by id. The failure here is real: a flow whose start listener throws.
 */
@EngineTest
class EventIntakeTest {

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	String deployment;

	@BeforeEach
	void deployAFlowThatFailsOnOneProduct() {
		deployment = repository.createDeployment().addModelInstance("fragile.bpmn", Bpmn.createExecutableProcess("fragile")
				.camundaHistoryTimeToLive(1)
				.startEvent("StartEvent_Viewed").message("shop.product.viewed@fragile")
				.camundaExecutionListenerExpression("start",
						"${productId == 'boom' ? noSuchBean : ''}")
				.userTask("Task_Wait")
				.endEvent()
				.done()).deploy().getId();
	}

	@AfterEach
	void undeploy() {
		repository.deleteDeployment(deployment, true);
	}

	@Test
	void aFailingEventIsReportedAndTheRestOfTheBatchIsKept() {
		String customer = "c-" + id().substring(0, 8);
		String good = id();
		String boom = id();
		String alsoGood = id();

		EventsNotProcessed failure = catchThrowableOfType(EventsNotProcessed.class, () -> accept(batch(
				event(good, "shop.product.viewed", customer, "{\"productId\":\"fine\"}"),
				event(boom, "shop.product.viewed", customer + "-b", "{\"productId\":\"boom\"}"),
				registered(customer, customer + "@example.com", "en", true).replaceFirst("\"id\":\"[^\"]+\"",
						"\"id\":\"" + alsoGood + "\""))));

		assertThat(failure.ids()).containsExactly(boom);
		assertThat(failure).as("a failing flow may be passing: again later").isNotInstanceOf(EventsNotStorable.class);
		assertThat(stored(good)).isTrue();
		assertThat(stored(alsoGood)).isTrue();
		assertThat(stored(boom)).as("not recorded, so a redelivery is processed again").isFalse();
		assertThat(counted(customer)).as("counted once, though the batch was tried whole first").isEqualTo(2);
		assertThat(counted(customer + "-b")).as("not counted, as not recorded").isZero();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("fragile")
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);
	}

	@Test
	void aBatchThatSucceedsIsProcessedOnceEvenWhenSentTwice() {
		String first = "c-" + id().substring(0, 8);
		String second = "c-" + id().substring(0, 8);
		String body = batch(event(id(), "shop.product.viewed", first, "{\"productId\":\"a\"}"),
				event(id(), "shop.product.viewed", second, "{\"productId\":\"b\"}"));

		accept(body);
		accept(body);

		for (String customer : new String[] { first, second }) {
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("fragile")
					.processInstanceBusinessKey(customer).count()).isEqualTo(1);
		}
	}

	@Test
	void twoFlowsCanStartOnOneEventType() {
		// Camunda refuses a second process with the same message start name, hence the "@" suffix convention
		String second = repository.createDeployment().addModelInstance("also.bpmn", Bpmn.createExecutableProcess("also")
				.camundaHistoryTimeToLive(1)
				.startEvent("StartEvent_Viewed").message("shop.product.viewed@also")
				.userTask("Task_Wait")
				.endEvent()
				.done()).deploy().getId();
		try {
			String customer = "c-" + id().substring(0, 8);
			accept(event(id(), "shop.product.viewed", customer, "{\"productId\":\"a\"}"));

			for (String flow : new String[] { "fragile", "also" }) {
				assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(flow)
						.processInstanceBusinessKey(customer).count()).as(flow).isEqualTo(1);
			}
		}
		finally {
			repository.deleteDeployment(second, true);
		}
	}

	@Test
	void valuesTheDatabaseRefusesAreNotStorableNotATransientFailure() {
		// past intake's own checks (as Kafka's or a future field might be): the database itself says no
		String customer = "c-" + id().substring(0, 8);
		String good = id();
		String tooBig = id();
		CartUpdated cart = (CartUpdated) parser.parse(cartUpdated(tooBig, customer, "cart-" + tooBig, "Mug")
				.getBytes(StandardCharsets.UTF_8)).get(0);
		ShopEvent overflowing = new CartUpdated(cart.envelope(), cart.cartId(), cart.items(), new BigDecimal("1e308"),
				cart.currency(), cart.cartUrl());
		List<ShopEvent> batch = List.of(
				parser.parse(event(good, "shop.product.viewed", customer, "{\"productId\":\"fine\"}")
						.getBytes(StandardCharsets.UTF_8)).get(0),
				overflowing);

		EventsNotStorable failure = catchThrowableOfType(EventsNotStorable.class, () -> intake.accept(batch));

		assertThat(failure.ids()).containsExactly(tooBig);
		assertThat(EventsNotStorable.isCause(failure.getCause())).isTrue();
		assertThat(stored(good)).isTrue();
		assertThat(stored(tooBig)).isFalse();
		assertThat(catchThrowableOfType(EventsNotStorable.class, () -> intake.accept(List.of(overflowing))).ids())
				.as("alone, too").containsExactly(tooBig);
	}

	private void accept(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}

	private long counted(String customer) {
		return jdbc.sql("select coalesce(sum(events), 0) from customer_event_totals where customer_id = ?")
				.param(customer).query(Long.class).single();
	}

	private boolean stored(String id) {
		return jdbc.sql("select count(*) from shop_events where id = ?").param(id).query(Long.class).single() == 1;
	}
}
