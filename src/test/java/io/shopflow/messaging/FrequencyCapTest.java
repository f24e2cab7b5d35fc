package io.shopflow.messaging;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.shopflow.EngineTest;
import io.shopflow.events.Channel;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two flows that message one customer at the same moment: the cap lets exactly one through. */
@EngineTest
class FrequencyCapTest {

	@Autowired
	Messaging messaging;

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SendTimeline timeline;

	@Test
	void concurrentSendsOfTwoFlowsPassTheCapOnce() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		intake.accept(parser.parse(registered(customer, customer + "@example.com", "en", true)
				.getBytes(StandardCharsets.UTF_8)));
		intake.accept(parser.parse(cartUpdated(id(), customer, "cart-1", "Mug").getBytes(StandardCharsets.UTF_8)));

		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<SendOutcome>> outcomes = new ArrayList<>();
		for (String flow : List.of("welcome", "browse-abandonment", "win-back", "vip")) {
			outcomes.add(pool.submit(() -> {
				start.await();
				return messaging.send(new SendRequest(flow + ":" + customer, customer, flow, "Task_Send",
						"../abandoned-cart/first-reminder", List.of(Channel.EMAIL), true, null, Map.of("cartId", "cart-1")));
			}));
		}
		// four flows (not shipped yet, so they borrow the cart template); what matters is who passes the gate
		start.countDown();
		List<SendOutcome> results = new ArrayList<>();
		for (Future<SendOutcome> outcome : outcomes) {
			results.add(outcome.get());
		}
		pool.shutdown();

		assertThat(results).filteredOn(r -> r.status() == SendOutcome.Status.SENT).hasSize(1);
		assertThat(results).filteredOn(r -> "capped".equals(r.reason())).hasSize(3);
		assertThat(jdbc.sql("select count(*) from outbox where recipient = ?").param(customer + "@example.com")
				.query(Long.class).single()).isEqualTo(1);
		assertThat(timeline.entriesOf(customer)).filteredOn(entry -> "capped".equals(entry.reason()))
				.hasSize(3).allSatisfy(entry -> assertThat(entry.kind()).isEqualTo("message-skipped"));
	}
}
