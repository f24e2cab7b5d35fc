package io.shopflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.shopflow.IntegrationTestBase;
import io.shopflow.stats.FlowStats;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The statistics query on 1M sends (8 flows, 60 days, 30% opened or clicked, 2% converted) in embedded
 * PostgreSQL, against the floor of the same run: a bare count of the rows it reads. Writes
 * target/bench/stats.json. Target: under 200 ms for one flow over 30 days.
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class StatsBench extends IntegrationTestBase {

	private static final int SENDS = Integer.getInteger("bench.sends", 1_000_000);
	private static final int ROUNDS = 20;
	private static final Path OUTPUT = Path.of(System.getProperty("bench.output", "target/bench"));

	@Autowired
	FlowStats stats;

	@Test
	void statisticsOfOneFlowOnAMillionSends() throws Exception {
		long generating = System.nanoTime();
		generate();
		double generatedSeconds = (System.nanoTime() - generating) / 1e9;
		LocalDate to = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = to.minusDays(29);

		Map<String, Object> floor = time(() -> jdbc.sql("""
				select count(*) from send_log where flow = 'bench-flow-3' and created_at >= ? and created_at < ?""")
				.params(java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
						java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
				.query(Long.class).single());
		Map<String, Object> oneFlow = time(() -> stats.of("bench-flow-3", from, to));
		if (Boolean.getBoolean("bench.explain")) {
			explain(from, to);
		}
		FlowStats.Flow flow = stats.of("bench-flow-3", from, to);

		Map<String, Object> json = new LinkedHashMap<>();
		json.put("timestamp", Instant.now().toString());
		json.put("sends", SENDS);
		json.put("generatedSeconds", generatedSeconds);
		json.put("sendsOfTheFlowInRange", flow.sent() + flow.steps().stream().mapToLong(s -> s.skipped()).sum());
		json.put("floorCountMillis", floor);
		json.put("flowStatsMillis", oneFlow);
		json.put("p50Ratio", (double) oneFlow.get("p50") / (double) floor.get("p50"));
		json.put("cpus", Runtime.getRuntime().availableProcessors());
		Files.createDirectories(OUTPUT);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(OUTPUT.resolve("stats.json").toFile(), json);
		System.out.printf("%nStatistics on %,d sends (%,d of the flow in range):%n  floor count  p50 %.1f ms  p99 %.1f ms%n"
				+ "  flow stats   p50 %.1f ms  p99 %.1f ms  (%.1fx the floor; target < 200 ms)%n", SENDS,
				json.get("sendsOfTheFlowInRange"), floor.get("p50"), floor.get("p99"), oneFlow.get("p50"),
				oneFlow.get("p99"), json.get("p50Ratio"));
	}

	/** -Dbench.explain=true: where the statistics query spends its time. */
	private void explain(LocalDate from, LocalDate to) throws Exception {
		java.lang.reflect.Field field = FlowStats.class.getDeclaredField("PER_STEP");
		field.setAccessible(true);
		String sql = ((String) field.get(null)).replace(":flow", "'bench-flow-3'")
				.replace(":from", "'" + from + "'::timestamptz").replace(":to", "'" + to.plusDays(1) + "'::timestamptz");
		jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(System.out::println);
		String range = "created_at >= '" + from + "' and created_at < '" + to.plusDays(1) + "'";
		for (String other : new String[] {
				"select c.variant, count(*), sum(c.converted) from (select s.variant, s.customer_id, max(case when a.order_id is not null then 1 else 0 end) as converted from send_log s left join attributions a on a.send_id = s.id where s.flow = 'bench-flow-3' and s." + range + " and s.variant is not null and s.status = 'SENT' group by s.variant, s.customer_id) c group by c.variant",
				"select step, coalesce(variant, ''), coalesce(reason, 'unknown'), count(*) from send_log where flow = 'bench-flow-3' and " + range + " and status = 'SKIPPED' group by step, coalesce(variant, ''), coalesce(reason, 'unknown')",
				"select cast(created_at as date), count(*) from send_log where flow = 'bench-flow-3' and " + range + " and status = 'SENT' group by cast(created_at as date)" }) {
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				jdbc.sql(other).query().listOfRows();
				System.out.printf("%.1f ms: %s%n", (System.nanoTime() - start) / 1e6, other);
			}
		}
	}

	private void generate() {
		jdbc.sql("""
				insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, reason, attempts,
				  variant, created_at, updated_at, sent_at)
				select 'bench-' || g, 'bc-' || (g % 200000), 'bench-flow-' || (g % 8), 'Step_' || (g % 3), 'email', true,
				  case when g % 10 = 0 then 'SKIPPED' else 'SENT' end, case when g % 10 = 0 then 'capped' end, 1,
				  case when g % 2 = 0 then 'a' else 'b' end,
				  now() - ((g % 60) || ' days')::interval - ((g % 1440) || ' minutes')::interval, now(),
				  case when g % 10 = 0 then null
				       else now() - ((g % 60) || ' days')::interval - ((g % 1440) || ' minutes')::interval end
				from generate_series(1, ?) g""").param(SENDS).update();
		jdbc.sql("""
				insert into tracking_events (send_id, kind, flag, at)
				select id, case when id % 3 = 0 then 'click' else 'open' end,
				  case when id % 7 = 0 then 'apple-mpp' end, sent_at + interval '1 hour'
				from send_log where send_key like 'bench-%' and status = 'SENT' and id % 10 < 3""").update();
		// as the tracking writer does: the first open and click on the send itself
		jdbc.sql("""
				update send_log s set
				  opened_at = case when s.id % 7 <> 0 then s.sent_at + interval '1 hour' end,
				  clicked_at = case when s.id % 7 <> 0 and s.id % 3 = 0 then s.sent_at + interval '1 hour' end,
				  apple_opened = s.id % 7 = 0
				where s.send_key like 'bench-%' and s.status = 'SENT' and s.id % 10 < 3""").update();
		jdbc.sql("""
				insert into attributions (order_id, customer_id, send_id, flow, step, variant, model, revenue, currency,
				  ordered_at)
				select 'bo-' || id, customer_id, id, flow, step, variant, 'click', 49.90, 'EUR', sent_at + interval '2 hours'
				from send_log where send_key like 'bench-%' and status = 'SENT' and id % 50 = 1""").update();
		// what autovacuum does in production: statistics, and the visibility map for index-only scans
		jdbc.sql("vacuum analyze").update();
	}

	private static Map<String, Object> time(Supplier<Object> query) {
		for (int i = 0; i < 3; i++) {
			query.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		millis.sort(null);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("p50", millis.get(millis.size() / 2));
		figures.put("p99", millis.get(millis.size() - 1));
		return figures;
	}
}
