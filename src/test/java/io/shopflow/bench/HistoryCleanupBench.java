package io.shopflow.bench;

import static io.shopflow.TestEvents.batch;
import static io.shopflow.TestEvents.cartUpdated;
import static io.shopflow.TestEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.shopflow.IntegrationTestBase;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a history cleanup run costs: N ended instances whose removal time has passed, removed by the engine's
 * cleanup job, for the bare engine and for Shopflow's flows, with the history row counts before and after.
 * <p>
 * Removal time is set at start (application.yaml), so moving the engine clock past a model's time to live makes
 * its instances due for cleanup. The job executor is off, so nothing else runs on the moved clock; the bench
 * runs the cleanup job itself ({@code cleanUpHistoryAsync(true)}: due now, outside the nightly window) until it
 * has nothing left to remove. The cleanup batch size is Camunda's (500), or
 * {@code -Dcamunda.bpm.generic-properties.properties.history-cleanup-batch-size=N}.
 */
@TestPropertySource(properties = {
		// no timer fires on the moved clock, and the bench alone runs the cleanup job
		"camunda.bpm.job-execution.enabled=false",
		"shopflow.flows.abandoned-cart.first-reminder=P30D" })
@DirtiesContext
class HistoryCleanupBench extends IntegrationTestBase {

	private static final int COUNT = Integer.getInteger("bench.instances", 1000);
	private static final int BATCH = Integer.getInteger("bench.batch", 100);
	private static final String RAW_MODEL = "bench-cleanup";

	/** The history tables an ended flow of ours writes to (history level audit), and Camunda's byte arrays. */
	private static final List<String> TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_varinst",
			"act_hi_taskinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_incident",
			"act_hi_op_log", "act_ge_bytearray");

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void cleanup() throws IOException {
		deployRawModel();
		// raw first: its model lives 180 days like the cart flow; Shopflow's instances are started after
		startAndEndRaw(customers("raw"));
		Figure raw = clean("rawInstances", "raw engine: start + message + end", RAW_MODEL, Duration.ofDays(181));
		ClockUtil.reset();
		startAndEndShopflow(customers("sf"));
		// a cart and an order: the cart flow (P180D) ended by the order, which also starts the order's flows
		// (P400D, e.g. win-back), still running; with removal time at start their history goes too
		Figure shopflow = clean("shopflowInstances", "Shopflow: cart + order, all flows", "abandoned-cart",
				Duration.ofDays(401));
		report(raw, shopflow);
	}

	private void startAndEndRaw(List<String> customers) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (List<String> chunk : chunks(customers)) {
			transaction.executeWithoutResult(status -> chunk.forEach(customer -> runtime
					.createMessageCorrelation("bench.cleanup.start").processInstanceBusinessKey(customer)
					.correlateStartMessage()));
			transaction.executeWithoutResult(status -> chunk.forEach(customer -> runtime
					.createMessageCorrelation("bench.cleanup.next").processInstanceBusinessKey(customer)
					.correlate()));
		}
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(RAW_MODEL).finished().count())
				.isEqualTo(customers.size());
	}

	private void startAndEndShopflow(List<String> customers) {
		for (List<String> chunk : chunks(customers)) {
			post(chunk.stream().map(c -> cartUpdated("ev-" + c, c, "cart-" + c, "Mug")));
			post(chunk.stream().map(c -> orderPlaced(c, "cart-" + c)));
		}
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("abandoned-cart").finished()
				.count()).as("carts ended by the order").isEqualTo(customers.size());
	}

	/** Moves the clock past the time to live and runs the cleanup job until it removes nothing more. */
	private Figure clean(String key, String name, String model, Duration later) {
		long instances = history.createHistoricProcessInstanceQuery().count();
		Map<String, Long> before = rows();
		ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + later.toMillis()));
		long start = System.nanoTime();
		history.cleanUpHistoryAsync(true);
		int runs = 0;
		long total = total(before);
		while (true) {
			// the job reschedules itself after each batch; Camunda may also remove it when done
			List<Job> jobs = history.findHistoryCleanupJobs();
			if (jobs.isEmpty()) {
				break;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
			runs++;
			long now = total(rows());
			if (now == total) {
				break;
			}
			total = now;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Long> after = rows();
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(model).count())
				.as(model + " history left").isZero();
		long removed = instances - history.createHistoricProcessInstanceQuery().count();
		return new Figure(key, name, removed, total(before) - total(after), runs, seconds, before, after);
	}

	private Map<String, Long> rows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : TABLES) {
			rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return rows;
	}

	private static long total(Map<String, Long> rows) {
		return rows.values().stream().mapToLong(Long::longValue).sum();
	}

	private void deployRawModel() {
		repository.createDeployment().name(RAW_MODEL).addModelInstance(RAW_MODEL + ".bpmn",
				Bpmn.createExecutableProcess(RAW_MODEL).camundaHistoryTimeToLiveString("P180D")
						.startEvent().message("bench.cleanup.start")
						.intermediateCatchEvent().message("bench.cleanup.next")
						.endEvent().done())
				.deploy();
	}

	private void post(Stream<String> events) {
		var response = postEvents(batch(events.toArray(String[]::new)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static List<String> customers(String side) {
		return IntStream.range(0, COUNT).mapToObj(i -> "hc-%s-%06d".formatted(side, i)).toList();
	}

	private static List<List<String>> chunks(List<String> items) {
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			chunks.add(items.subList(from, Math.min(from + BATCH, items.size())));
		}
		return chunks;
	}

	private void report(Figure raw, Figure shopflow) throws IOException {
		StringBuilder table = new StringBuilder("%nShopflow history cleanup benchmark: N=%d instances per side, %d CPUs%n"
				.formatted(COUNT, Runtime.getRuntime().availableProcessors()));
		table.append("%-40s %9s %9s %6s %9s %12s %8s%n".formatted("scenario", "instances", "rows", "runs", "seconds",
				"instances/s", "x raw"));
		Map<String, Object> results = new LinkedHashMap<>();
		for (Figure figure : List.of(raw, shopflow)) {
			double ratio = figure.perSecond() / raw.perSecond();
			table.append(String.format(Locale.ROOT, "%-40s %9d %9d %6d %9.2f %12.1f %8.2f%n", figure.name(),
					figure.instances(), figure.rows(), figure.runs(), figure.seconds(), figure.perSecond(), ratio));
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("description", figure.name());
			result.put("instances", figure.instances());
			result.put("rows", figure.rows());
			result.put("jobRuns", figure.runs());
			result.put("seconds", figure.seconds());
			result.put("instancesPerSecond", figure.perSecond());
			result.put("ratioToRaw", ratio);
			result.put("rowsBefore", figure.before());
			result.put("rowsAfter", figure.after());
			results.put(figure.key(), result);
		}
		for (Figure figure : List.of(raw, shopflow)) {
			table.append(figure.key()).append(" rows before -> after:");
			figure.before().forEach((t, n) -> table.append(" %s %d->%d".formatted(t, n, figure.after().get(t))));
			table.append('\n');
		}
		System.out.print(table);
		BenchResults.put("historyCleanup", results);
	}

	private record Figure(String key, String name, long instances, long rows, int runs, double seconds,
			Map<String, Long> before, Map<String, Long> after) {

		double perSecond() {
			return instances / seconds;
		}
	}
}
