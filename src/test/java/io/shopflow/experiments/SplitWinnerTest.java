package io.shopflow.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.shopflow.EngineTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The automatic winner: only with 500 customers per variant and a difference at 95% confidence. */
@EngineTest
class SplitWinnerTest {

	@Autowired
	SplitTests splits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClearlyBetterVariantWinsAndNewCustomersGetIt() {
		String flow = "flow-" + UUID.randomUUID();
		history(flow, "a", 600, 30);
		history(flow, "b", 600, 60);

		splits.pickWinnerIfClear(flow, flow);

		assertThat(splits.winner(flow)).contains("b");
		assertThat(splits.assign(flow, "someone-new", Map.of("a", 99, "b", 1))).isEqualTo("b");
	}

	@Test
	void tooFewCustomersOrNoRealDifferencePicksNothing() {
		String small = "flow-" + UUID.randomUUID();
		history(small, "a", 400, 20);
		history(small, "b", 400, 60);
		splits.pickWinnerIfClear(small, small);
		assertThat(splits.winner(small)).as("400 customers per variant").isEmpty();

		String close = "flow-" + UUID.randomUUID();
		history(close, "a", 600, 30);
		history(close, "b", 600, 36);
		splits.pickWinnerIfClear(close, close);
		assertThat(splits.winner(close)).as("5.0% against 6.0% is no evidence").isEmpty();
	}

	/** customers who each got one message of the variant, the first converted of them with an order. */
	private void history(String flow, String variant, int customers, int converted) {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < customers; i++) {
			String key = flow + ":" + variant + ":" + i;
			jdbc.sql("""
					insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, attempts, variant,
					  created_at, updated_at, sent_at) values (?, ?, ?, 'Task_Send', 'email', true, 'SENT', 1, ?, ?, ?, ?)""")
					.params(key, key, flow, variant, now, now, now).update();
			if (i < converted) {
				long sendId = jdbc.sql("select id from send_log where send_key = ?").param(key).query(Long.class).single();
				jdbc.sql("""
						insert into attributions (order_id, customer_id, send_id, flow, step, variant, model, revenue,
						  currency, ordered_at) values (?, ?, ?, ?, 'Task_Send', ?, 'click', 10, 'EUR', ?)""")
						.params("o-" + key, key, sendId, flow, variant, now).update();
			}
		}
	}
}
