package io.shopflow.bench;

import static io.shopflow.TestEvents.batch;
import static io.shopflow.TestEvents.cartUpdated;
import static io.shopflow.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import io.shopflow.IntegrationTestBase;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (docs/benchmarks.md), timers: how fast due reminders go out, next to the bare engine's timers on the same database and
 * job executor. Both sides get N instances waiting at a timer that is far off, then all their timers are made
 * due at once; the clock runs until the last one is done: for the engine, a timer plus an asynchronous no-op
 * task per instance (the same two jobs a reminder takes); for Shopflow, the abandoned cart's first reminder,
 * through the send gate, rendered and delivered to the SMTP server, and counted there.
 * <p>
 * Job executor settings come from application.yaml; override them on the command line to try others, e.g.
 * {@code -Dcamunda.bpm.job-execution.max-jobs-per-acquisition=10}.
 */
@TestPropertySource(properties = {
		// 30 days (12 minutes at the tests' speedup): nothing fires until the bench makes it due
		"shopflow.flows.abandoned-cart.first-reminder=P30D",
		"shopflow.flows.abandoned-cart.second-reminder=P30D",
		// the sign-up's welcome mail goes out before the clock starts; its follow-ups not at all
		"shopflow.flows.welcome.story-delay=P30D",
		"shopflow.flows.welcome.club-delay=P30D",
		"shopflow.flows.browse-abandonment.delay=P30D",
		// as installed: no outbound events (SendWithOutboundBench measures them on)
		"shopflow.outbound.kafka-topic=",
		"shopflow.outbound.webhook.url=" })
@DirtiesContext
class SendBench extends IntegrationTestBase {

	private static final int COUNT = Integer.getInteger("bench.sends", 2000);
	private static final int BATCH = Integer.getInteger("bench.batch", 100);
	private static final String RAW_MODEL = "bench-timer";

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void sends() throws IOException {
		deployRawModel();
		// a small round first, not counted: JIT, pools, SMTP connections
		Figure rawWarm = raw("warm", 200);
		Figure shopflowWarm = shopflow("warm", 200);
		Figure raw = raw("run", COUNT);
		Figure shopflow = shopflow("run", COUNT);
		report(List.of(raw, shopflow), rawWarm, shopflowWarm);
	}

	private Figure raw(String round, int count) {
		List<String> customers = customers("raw-" + round, count);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (List<String> chunk : chunks(customers)) {
			transaction.executeWithoutResult(status -> chunk.forEach(customer -> runtime
					.createMessageCorrelation("bench.timer.start").processInstanceBusinessKey(customer)
					.correlateStartMessage()));
		}
		String prefix = prefix(customers);
		analyze();
		SqlProfile sql = new SqlProfile(jdbc);
		sql.reset();
		long start = makeDue(RAW_MODEL, prefix);
		long nanos = waitUntil(() -> running(RAW_MODEL, prefix), 0, start);
		sql.print("raw timers " + round, count);
		return new Figure("rawTimers", "raw engine: timer + async no-op task", count, nanos / 1e9);
	}

	private Figure shopflow(String round, int count) {
		List<String> customers = customers("sf-" + round, count);
		for (List<String> chunk : chunks(customers)) {
			post(chunk.stream().map(c -> registered(c, c + "@bench.example.com", "en", true)).toList());
			post(chunk.stream().map(c -> cartUpdated("ev-" + c, c, "cart-" + c, "Mug")).toList());
		}
		String prefix = prefix(customers);
		assertThat(running("abandoned-cart", prefix)).as("waiting carts").isEqualTo(count);
		// the welcome mails of the sign-ups go out first; the clock starts on an idle job executor
		waitUntil(this::dueJobs, 0, System.nanoTime());
		int mailsBefore = smtp.getReceivedMessages().length;
		long sentEventsBefore = sentEvents();
		analyze();
		SqlProfile sql = new SqlProfile(jdbc);
		sql.reset();
		long start = makeDue("abandoned-cart", prefix);
		long nanos = waitUntil(() -> reminded(prefix), count, start);
		sql.print("Shopflow reminders " + round, count);
		// and counted at the SMTP server too: one each, none twice
		assertThat(smtp.getReceivedMessages().length - mailsBefore).isEqualTo(count);
		assertThat(sentEvents() - sentEventsBefore).as("message.sent events in the outbox")
				.isEqualTo(outboundEvents() ? count : 0);
		return new Figure("shopflowReminders", "Shopflow: first cart reminder, rendered + SMTP", count, nanos / 1e9);
	}

	private long reminded(String prefix) {
		return jdbc.sql("select count(*) from send_log where customer_id like ? and step = 'Task_SendFirstReminder' "
				+ "and status = 'SENT'").param(prefix + "%").query(Long.class).single();
	}

	private long sentEvents() {
		return jdbc.sql("select count(*) from outbound_events where type = 'shopflow.message.sent'").query(Long.class)
				.single();
	}

	boolean outboundEvents() {
		return false;
	}

	private long dueJobs() {
		return jdbc.sql("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) "
				+ "and handler_type_ <> 'history-cleanup' and retries_ > 0").query(Long.class).single();
	}

	private void deployRawModel() {
		repository.createDeployment().name(RAW_MODEL).addModelInstance(RAW_MODEL + ".bpmn",
				Bpmn.createExecutableProcess(RAW_MODEL).camundaHistoryTimeToLive(1)
						.startEvent().message("bench.timer.start")
						.intermediateCatchEvent().timerWithDuration("P30D")
						.serviceTask().camundaAsyncBefore().camundaExpression("${true}")
						.endEvent().done())
				.deploy();
	}

	/**
	 * Brings the planner's statistics up to the tables just filled, as autovacuum does within a minute on a
	 * running server. Without it the engine's variable fetch planned for the empty table of the start and scanned
	 * every variable on each send: 5.8 ms a call, 60% of the Shopflow round's database time (auto_explain).
	 */
	private void analyze() {
		jdbc.sql("analyze").update();
	}

	/** Makes every waiting timer of the round due now; returns the start of the clock. */
	private long makeDue(String model, String prefix) {
		int due = jdbc.sql("""
				update act_ru_job set duedate_ = now() - interval '1 second' where process_def_key_ = ?
				 and handler_type_ like 'timer%' and process_instance_id_ in
				 (select id_ from act_ru_execution where parent_id_ is null and business_key_ like ?)""")
				.params(model, prefix + "%").update();
		assertThat(due).as("timers made due").isPositive();
		return System.nanoTime();
	}

	private static long waitUntil(LongSupplier current, long target, long start) {
		long deadline = start + 30L * 60 * 1_000_000_000L;
		while (current.getAsLong() != target) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not done after 30 minutes: " + current.getAsLong() + " of " + target);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return System.nanoTime() - start;
	}

	private long running(String model, String prefix) {
		return jdbc.sql("""
				select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
				where e.parent_id_ is null and d.key_ = ? and e.business_key_ like ?""")
				.params(model, prefix + "%").query(Long.class).single();
	}

	private void post(List<String> events) {
		var response = postEvents(batch(events.toArray(String[]::new)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** Named per section too: SendWithOutboundBench runs on the same database, before or after this one. */
	private List<String> customers(String round, int count) {
		return IntStream.range(0, count).mapToObj(i -> "sb-%s-%s-%06d".formatted(section(), round, i)).toList();
	}

	private static String prefix(List<String> customers) {
		String first = customers.get(0);
		return first.substring(0, first.lastIndexOf('-') + 1);
	}

	private static List<List<String>> chunks(List<String> items) {
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			chunks.add(items.subList(from, Math.min(from + BATCH, items.size())));
		}
		return chunks;
	}

	private void report(List<Figure> figures, Figure rawWarm, Figure shopflowWarm) throws IOException {
		double raw = figures.get(0).perSecond();
		StringBuilder table = new StringBuilder("%nShopflow send benchmark (%s): N=%d timers per side, %d CPUs%n"
				.formatted(section(), COUNT, Runtime.getRuntime().availableProcessors()));
		table.append("%-48s %8s %9s %10s %8s%n".formatted("scenario", "timers", "seconds", "per s", "x raw"));
		Map<String, Object> results = new LinkedHashMap<>();
		for (Figure figure : figures) {
			table.append(String.format(Locale.ROOT, "%-48s %8d %9.2f %10.1f %8.2f%n", figure.name(), figure.count(),
					figure.seconds(), figure.perSecond(), figure.perSecond() / raw));
			results.put(figure.key(), Map.of("description", figure.name(), "count", figure.count(), "seconds",
					figure.seconds(), "perSecond", figure.perSecond(), "ratioToRaw", figure.perSecond() / raw));
		}
		table.append(String.format(Locale.ROOT, "warm-up rounds (200, not counted): raw %.1f/s, Shopflow %.1f/s%n",
				rawWarm.perSecond(), shopflowWarm.perSecond()));
		double heap = BenchResults.heapUsedAfterGcMb();
		table.append(String.format(Locale.ROOT, "heap used after GC: %.1f MB%n", heap));
		System.out.print(table);
		results.put("heapUsedAfterGcMb", heap);
		results.put("jobExecutor", jobExecutorSettings());
		BenchResults.put(section(), results);
	}

	/** The results.json section and the table's title. */
	String section() {
		return "sends";
	}

	private Map<String, Object> jobExecutorSettings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String key : List.of("core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition",
				"wait-time-in-millis", "max-wait")) {
			String value = System.getProperty("camunda.bpm.job-execution." + key);
			settings.put(key, value != null ? value : "application.yaml");
		}
		return settings;
	}

	private record Figure(String key, String name, long count, double seconds) {

		double perSecond() {
			return count / seconds;
		}
	}
}
