package io.shopflow.bench;

import static io.shopflow.TestEvents.orderPlaced;
import static io.shopflow.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shopflow.IntegrationTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The win-back wave: a million customers wait in {@code win-back} (their last order long ago), and
 * their "we miss you" timers all come due at once, as after a migration or a paused flow resumed. It reports
 * how long the waiting population takes to set up, the database's size, and the rate at which the wave drains
 * through the send gate to the SMTP server.
 * <p>
 * Setting up a million instances through the engine would take this machine an hour, so one customer goes in
 * through the events API (sign-up, order) and the database then copies that customer, their consent and their
 * waiting win-back instance, runtime and history rows alike, a million times with fresh ids. The copies are
 * what the engine itself would have written; from then on everything is the real engine and job executor.
 * {@code -Dbench.wave=N} sets the population, {@code -Dbench.wave.fire=M} how many of it come due (all by
 * default); with M &lt; N the drain time of the whole wave is projected from the measured rate.
 */
@TestPropertySource(properties = {
		// the order starts a win-back that waits 10 years (a day at the tests' speedup), far longer than any
		// set-up (60 days, 24 minutes, was not: under load the template's timer fired while it was being copied);
		// the bench makes the copies due
		"shopflow.flows.win-back.miss-you-delay=P3650D",
		"shopflow.flows.win-back.incentive-delay=P3650D" })
@DirtiesContext
class WaveBench extends IntegrationTestBase {

	private static final int WAVE = Integer.getInteger("bench.wave", 1_000_000);
	private static final int FIRE = Integer.getInteger("bench.wave.fire", WAVE);
	private static final String TEMPLATE = "wave-0000000";

	/** Camunda tables holding an instance's rows, and the column naming the instance. */
	private static final Map<String, String> INSTANCE_TABLES = new LinkedHashMap<>();

	static {
		// in the order of the engine's foreign keys: executions before what belongs to them
		INSTANCE_TABLES.put("act_ru_execution", "proc_inst_id_");
		INSTANCE_TABLES.put("act_ru_event_subscr", "proc_inst_id_");
		INSTANCE_TABLES.put("act_ru_variable", "proc_inst_id_");
		INSTANCE_TABLES.put("act_ru_job", "process_instance_id_");
		INSTANCE_TABLES.put("act_hi_procinst", "proc_inst_id_");
		INSTANCE_TABLES.put("act_hi_actinst", "proc_inst_id_");
		INSTANCE_TABLES.put("act_hi_varinst", "proc_inst_id_");
		INSTANCE_TABLES.put("act_hi_detail", "proc_inst_id_");
	}

	@Test
	void wave() throws Exception {
		assertThat(postEvents(registered(TEMPLATE, TEMPLATE + "@wave.example.com", "en", true),
				"application/cloudevents+json", "Bearer " + TOKEN).statusCode()).isEqualTo(202);
		assertThat(postEvents(orderPlaced(TEMPLATE, "cart-" + TEMPLATE), "application/cloudevents+json",
				"Bearer " + TOKEN).statusCode()).isEqualTo(202);
		String template = jdbc.sql("""
				select e.id_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
				where d.key_ = 'win-back' and e.business_key_ = ? and e.parent_id_ is null""")
				.param(TEMPLATE).query(String.class).single();
		long sizeBefore = databaseBytes();

		long start = System.nanoTime();
		copyCustomers();
		copyInstance(template);
		jdbc.sql("analyze").update();
		double setupSeconds = (System.nanoTime() - start) / 1e9;
		long waiting = jdbc.sql("select count(*) from act_ru_job j join act_re_procdef d on d.id_ = j.process_def_id_ "
				+ "where d.key_ = 'win-back'").query(Long.class).single();
		assertThat(waiting).as("waiting win-back timers").isEqualTo(WAVE + 1L);
		long sizeWaiting = databaseBytes();
		// the job executor's question, asked several times a second, with and without the due-date index
		double acquireIndexed = acquisitionMillis();
		jdbc.sql("drop index shopflow_job_due").update();
		double acquireScan = acquisitionMillis();
		jdbc.sql("create index shopflow_job_due on act_ru_job (duedate_)").update();

		long due = jdbc.sql("""
				update act_ru_job set duedate_ = now() - interval '1 second' where id_ in (
				 select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
				 where e.business_key_ between 'wave-0000001' and ?)""")
				.param("wave-%07d".formatted(FIRE)).update();
		assertThat(due).isEqualTo(FIRE);
		long fired = System.nanoTime();
		long sent = 0;
		List<String> progress = new ArrayList<>();
		while (sent < FIRE) {
			sleep(10_000);
			// GreenMail keeps every message in memory; a million would not fit, so it forgets them as they come
			smtp.purgeEmailFromAllMailboxes();
			sent = sentSoFar();
			double seconds = (System.nanoTime() - fired) / 1e9;
			progress.add(String.format(Locale.ROOT, "%.0f s: %d sent (%.1f/s)", seconds, sent, sent / seconds));
			System.out.println("wave: " + progress.get(progress.size() - 1));
		}
		double drainSeconds = (System.nanoTime() - fired) / 1e9;
		long sizeAfter = databaseBytes();
		long customersSent = jdbc.sql("select count(distinct customer_id) from send_log where status = 'SENT' "
				+ "and customer_id like 'wave-%' and customer_id <> ?").param(TEMPLATE).query(Long.class).single();

		double perSecond = FIRE / drainSeconds;
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("waiting", WAVE);
		results.put("fired", FIRE);
		results.put("setupSeconds", setupSeconds);
		results.put("drainSeconds", drainSeconds);
		results.put("sendsPerSecond", perSecond);
		results.put("projectedDrainHoursForWave", WAVE / perSecond / 3600);
		results.put("acquisitionQueryMsWithIndex", acquireIndexed);
		results.put("acquisitionQueryMsWithoutIndex", acquireScan);
		results.put("databaseMbBefore", sizeBefore / 1048576.0);
		results.put("databaseMbWaiting", sizeWaiting / 1048576.0);
		results.put("databaseMbAfter", sizeAfter / 1048576.0);
		results.put("heapUsedAfterGcMb", BenchResults.heapUsedAfterGcMb());
		results.put("progress", progress);
		System.out.printf(Locale.ROOT, "%nWin-back wave: %d waiting, %d fired; set up in %.0f s; drained in %.0f s "
				+ "(%.1f sends/s; the whole wave: %.1f h); database %.0f MB -> %.0f MB waiting -> %.0f MB after%n",
				WAVE, FIRE, setupSeconds, drainSeconds, perSecond, WAVE / perSecond / 3600, sizeBefore / 1048576.0,
				sizeWaiting / 1048576.0, sizeAfter / 1048576.0);
		System.out.printf(Locale.ROOT, "Due-job query with %d timers waiting: %.2f ms with the due-date index, %.2f ms "
				+ "without%n", WAVE, acquireIndexed, acquireScan);
		BenchResults.put("winBackWave", results);
		assertThat(customersSent).as("customers sent to, once each").isEqualTo(FIRE);
		assertThat(sent).as("emails sent, one each").isEqualTo(FIRE);
	}

	private void copyCustomers() {
		jdbc.sql("""
				insert into customers (id, email, first_name, last_name, locale, time_zone, created_at, updated_at)
				select 'wave-' || lpad(g::text, 7, '0'), 'wave-' || lpad(g::text, 7, '0') || '@wave.example.com',
				 first_name, last_name, locale, time_zone, created_at, updated_at
				from customers, generate_series(1, ?) g where id = ?""").params(WAVE, TEMPLATE).update();
		jdbc.sql("""
				insert into consents (customer_id, channel, granted, source, changed_at)
				select 'wave-' || lpad(g::text, 7, '0'), channel, granted, source, changed_at
				from consents, generate_series(1, ?) g where customer_id = ?""").params(WAVE, TEMPLATE).update();
	}

	/**
	 * Copies every row of the template instance WAVE times. Each id the instance owns (execution, job, variable,
	 * activity instance, ...) gets the copy number appended, in whichever column it appears, and the customer id
	 * becomes the copy's; so the copies reference each other exactly as the original's rows do.
	 */
	private void copyInstance(String instance) {
		Set<String> ids = new LinkedHashSet<>();
		INSTANCE_TABLES.forEach((table, column) -> ids.addAll(jdbc.sql("select id_ from " + table + " where "
				+ column + " = ?").param(instance).query(String.class).list()));
		ids.addAll(jdbc.sql("select act_inst_id_ from act_ru_execution where proc_inst_id_ = ? and act_inst_id_ "
				+ "is not null").param(instance).query(String.class).list());
		List<String> bytes = byteArrays(instance);
		ids.addAll(bytes);
		Map<String, String> tables = new LinkedHashMap<>();
		// variables' values kept as byte arrays (JSON, serialised objects) belong to the instance by reference
		if (!bytes.isEmpty()) {
			tables.put("act_ge_bytearray", "id_ in ('" + String.join("','", bytes) + "')");
		}
		INSTANCE_TABLES.forEach((table, column) -> tables.put(table, column + " = '" + instance + "'"));
		for (Map.Entry<String, String> table : tables.entrySet()) {
			List<String> textColumns = new ArrayList<>();
			List<String> columns = new ArrayList<>();
			jdbc.sql("select column_name, data_type from information_schema.columns where table_name = ? "
					+ "order by ordinal_position").param(table.getKey()).query((rs, n) -> {
						columns.add(rs.getString(1));
						if (rs.getString(2).startsWith("character") || rs.getString(2).equals("text")) {
							textColumns.add(rs.getString(1));
						}
						return null;
					}).list();
			List<String> values = columns.stream()
					.map(column -> textColumns.contains(column) ? renamed(column, ids) : column).toList();
			int copied = jdbc.sql("insert into %s (%s) select %s from %s, generate_series(1, %d) g, %s where %s"
					.formatted(table.getKey(), String.join(", ", columns), String.join(", ", values), table.getKey(),
							WAVE, renewedIds(ids), table.getValue())).update();
			System.out.printf("wave: %s: %d rows%n", table.getKey(), copied);
		}
	}

	private List<String> byteArrays(String instance) {
		List<String> ids = new ArrayList<>();
		for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
			ids.addAll(jdbc.sql("select bytearray_id_ from " + table + " where proc_inst_id_ = ? and bytearray_id_ "
					+ "is not null").param(instance).query(String.class).list());
		}
		return ids;
	}

	/**
	 * Each UUID in the instance's ids becomes 32 hex characters per copy (the md5 of it and the copy number),
	 * so ids such as "Timer_MissYou:&lt;uuid&gt;" still fit their columns.
	 */
	private static String renamed(String column, Set<String> ids) {
		String expression = "replace(%s, '%s', 'wave-' || lpad(g::text, 7, '0'))".formatted(column, TEMPLATE);
		Set<String> uuids = new LinkedHashSet<>();
		for (String id : ids) {
			java.util.regex.Matcher uuid = UUID.matcher(id);
			while (uuid.find()) {
				uuids.add(uuid.group());
			}
		}
		int i = 0;
		for (String uuid : uuids) {
			expression = "replace(%s, '%s', m.u%d)".formatted(expression, uuid, i++);
		}
		return expression;
	}

	/** The new UUIDs of one copy, each computed once per row rather than once per column. */
	private static String renewedIds(Set<String> ids) {
		Set<String> uuids = new LinkedHashSet<>();
		for (String id : ids) {
			java.util.regex.Matcher uuid = UUID.matcher(id);
			while (uuid.find()) {
				uuids.add(uuid.group());
			}
		}
		List<String> columns = new ArrayList<>();
		int i = 0;
		for (String uuid : uuids) {
			columns.add("md5('%s' || g::text) as u%d".formatted(uuid, i++));
		}
		return columns.isEmpty() ? "(select 1) m" : "lateral (select " + String.join(", ", columns) + ") m";
	}

	private static final java.util.regex.Pattern UUID = java.util.regex.Pattern
			.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The median of 21 runs of the engine's acquisition query (Job.xml, selectNextJobsToExecute) as run here. */
	private double acquisitionMillis() {
		double[] millis = new double[21];
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			jdbc.sql("""
					select id_, rev_, duedate_, process_instance_id_, exclusive_ from act_ru_job
					where retries_ > 0 and duedate_ <= now() and (lock_owner_ is null or lock_exp_time_ < now())
					 and suspension_state_ = 1 and handler_type_ != 'history-cleanup' limit 3""").query().listOfRows();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		java.util.Arrays.sort(millis);
		return millis[millis.length / 2];
	}

	/** The copies' sends; the template customer's own (welcome, thanks for the order) are not the wave's. */
	private long sentSoFar() {
		return jdbc.sql("select count(*) from send_log where status = 'SENT' and customer_id like 'wave-%' "
				+ "and customer_id <> ?").param(TEMPLATE).query(Long.class).single();
	}

	private long databaseBytes() {
		return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
