package io.shopflow.events;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.shopflow.EngineTest;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake counts each customer's events per type, per day (UTC, by the time received) and in all, in the
 * transaction that records them: a redelivery is not counted again, and the counts always agree with the events.
 */
@EngineTest
class EventCountsTest {

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	JdbcClient jdbc;

	final String anna = "c-" + id().substring(0, 8);
	final String bo = "c-" + id().substring(0, 8);

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void eventsAreCountedPerCustomerTypeAndDayAsTheyArrive() {
		at("2026-11-23T23:59:59.999Z");
		String evening = batch(view(anna), view(anna), view(bo), event(id(), "shop.cart.updated", anna, """
				{"cartId":"k-1","items":[{"productId":"p","quantity":1,"price":3}],"total":3,"currency":"EUR"}"""));
		accept(evening);
		accept(evening);
		at("2026-11-24T00:00:00Z");
		accept(batch(view(anna), view(bo)));
		at("2026-11-24T15:00:00Z");
		accept(view(anna));

		assertThat(days(anna)).containsExactly(
				Map.of("TYPE", "shop.cart.updated", "EVENT_DAY", "2026-11-23", "EVENTS", 1),
				Map.of("TYPE", "shop.product.viewed", "EVENT_DAY", "2026-11-23", "EVENTS", 2),
				Map.of("TYPE", "shop.product.viewed", "EVENT_DAY", "2026-11-24", "EVENTS", 2));
		assertThat(days(bo)).containsExactly(
				Map.of("TYPE", "shop.product.viewed", "EVENT_DAY", "2026-11-23", "EVENTS", 1),
				Map.of("TYPE", "shop.product.viewed", "EVENT_DAY", "2026-11-24", "EVENTS", 1));
		assertThat(total(anna, "shop.product.viewed")).isEqualTo(4);
		assertThat(total(anna, "shop.cart.updated")).isEqualTo(1);
		assertThat(total(bo, "shop.product.viewed")).isEqualTo(2);
		for (String customer : List.of(anna, bo)) {
			assertThat(days(customer)).as("the day counts of %s are their events, grouped", customer)
					.isEqualTo(jdbc.sql("""
							select type, cast(received_at at time zone 'UTC' as date) event_day, count(*) events
							from shop_events where subject = ? group by type, cast(received_at at time zone 'UTC' as date)
							order by type, event_day""").param(customer).query()
							.listOfRows().stream().map(EventCountsTest::asText).toList());
		}
	}

	private static String view(String customer) {
		return event(id(), "shop.product.viewed", customer, "{\"productId\":\"p-1\"}");
	}

	private List<Map<String, Object>> days(String customer) {
		return jdbc.sql("""
				select type, event_day, events from customer_event_days where customer_id = ? order by type, event_day""")
				.param(customer).query().listOfRows().stream().map(EventCountsTest::asText).toList();
	}

	private int total(String customer, String type) {
		return jdbc.sql("select events from customer_event_totals where customer_id = ? and type = ?")
				.params(customer, type).query(Integer.class).single();
	}

	/** Dates as text and counts as ints, whatever types the driver returns. */
	private static Map<String, Object> asText(Map<String, Object> row) {
		return Map.of("TYPE", row.get("TYPE"), "EVENT_DAY", row.get("EVENT_DAY").toString(), "EVENTS",
				((Number) row.get("EVENTS")).intValue());
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private void accept(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}
}
