package io.shopflow.bench;

import static io.shopflow.TestEvents.batch;
import static io.shopflow.TestEvents.cartUpdated;
import static io.shopflow.TestEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Benchmark (docs/benchmarks.md), latency: how long one event takes to reach its waiting instance when many wait. The population
 * grows to each size (10k, then 100k by default; {@code -Dbench.waiting=10000,100000}) on both sides: bare
 * engine instances waiting for a message, and abandoned carts waiting for their first reminder, put in
 * through the events API like any shop's carts. At each size, the bench times single correlations of
 * randomly chosen waiting customers: the engine's {@code correlate()} in its own transaction, and Shopflow's
 * {@code POST /api/events} of one order (answered after it ended the cart flow and started the order's flows).
 */
@TestPropertySource(properties = {
		"shopflow.flows.abandoned-cart.first-reminder=P30D",
		// nothing but the measured requests touches the database
		"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class LatencyBench extends IntegrationTestBase {

	private static final int[] SIZES = Arrays.stream(System.getProperty("bench.waiting", "10000,100000").split(","))
			.mapToInt(Integer::parseInt).toArray();
	private static final int SAMPLES = Integer.getInteger("bench.samples", 500);
	private static final int POPULATE_BATCH = 500;
	private static final String RAW_MODEL = "bench-wait";

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	PlatformTransactionManager transactions;

	private final Random random = new Random(42);

	private final Map<String, Integer> created = new java.util.HashMap<>();

	@Test
	void latency() throws Exception {
		repository.createDeployment().name(RAW_MODEL).addModelInstance(RAW_MODEL + ".bpmn",
				Bpmn.createExecutableProcess(RAW_MODEL).camundaHistoryTimeToLive(1)
						.startEvent().message("bench.wait.start")
						.intermediateCatchEvent().message("bench.wait.next")
						.endEvent().done())
				.deploy();
		List<String> rawWaiting = new ArrayList<>();
		List<String> shopflowWaiting = new ArrayList<>();
		Map<String, Object> results = new LinkedHashMap<>();
		StringBuilder table = new StringBuilder("%nShopflow latency benchmark: %d samples per size, %d CPUs%n"
				.formatted(SAMPLES, Runtime.getRuntime().availableProcessors()));
		table.append("%-10s %-44s %9s %9s %9s %10s%n".formatted("waiting", "scenario", "p50 ms", "p99 ms", "max ms",
				"populate s"));
		for (int size : SIZES) {
			double rawPopulate = grow(rawWaiting, "lr", size, this::startRaw);
			double shopflowPopulate = grow(shopflowWaiting, "ls", size, this::postCarts);
			// current planner statistics, as autovacuum keeps them on a running server (SendBench#analyze)
			jdbc.sql("analyze").update();
			warmUp(rawWaiting, shopflowWaiting);
			double[] raw = sample(rawWaiting, this::correlateRaw);
			double[] shopflow = sample(shopflowWaiting, this::postOrder);
			double heap = BenchResults.heapUsedAfterGcMb();
			table.append(row(size, "raw engine: correlate, 1 per transaction", raw, rawPopulate));
			table.append(row(size, "Shopflow: POST one order (ends its cart flow)", shopflow, shopflowPopulate));
			table.append(String.format(Locale.ROOT, "%-10d heap used after GC, whole test JVM: %.1f MB%n", size, heap));
			System.out.print(table);
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("raw", percentiles(raw));
			figures.put("shopflow", percentiles(shopflow));
			figures.put("shopflowP99ToRawP99", p(shopflow, 0.99) / p(raw, 0.99));
			figures.put("heapUsedAfterGcMb", heap);
			results.put(String.valueOf(size), figures);
		}
		if (SIZES.length > 1) {
			String small = String.valueOf(SIZES[0]);
			String large = String.valueOf(SIZES[SIZES.length - 1]);
			double growth = p99(results, large) / p99(results, small);
			table.append(String.format(Locale.ROOT, "Shopflow p99 at %s / p99 at %s: %.2f (target <= 1.5)%n", large,
					small, growth));
			results.put("shopflowP99Growth", growth);
		}
		System.out.print(table);
		BenchResults.put("latency", results);
	}

	/** Adds customers until {@code size} wait; returns the seconds it took (2 threads, batches of 500). */
	private double grow(List<String> waiting, String prefix, int size, BatchStarter starter) throws Exception {
		// sampled customers left the population, so new ones are numbered on from all ever added
		int next = created.merge(prefix, 0, Integer::sum);
		List<String> added = IntStream.range(next, next + size - waiting.size())
				.mapToObj(i -> "%s-%07d".formatted(prefix, i)).toList();
		created.put(prefix, next + added.size());
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < added.size(); from += POPULATE_BATCH) {
			chunks.add(added.subList(from, Math.min(from + POPULATE_BATCH, added.size())));
		}
		long start = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (List<String> chunk : chunks) {
				done.add(threads.submit(() -> starter.start(chunk)));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdown();
		}
		waiting.addAll(added);
		return (System.nanoTime() - start) / 1e9;
	}

	private void warmUp(List<String> rawWaiting, List<String> shopflowWaiting) {
		for (int i = 0; i < 50; i++) {
			correlateRaw(take(rawWaiting));
			postOrder(take(shopflowWaiting));
		}
	}

	private double[] sample(List<String> waiting, java.util.function.Consumer<String> correlation) {
		double[] millis = new double[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			String customer = take(waiting);
			long start = System.nanoTime();
			correlation.accept(customer);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	/** A random waiting customer, who will not wait any more once the sample is taken. */
	private String take(List<String> waiting) {
		int index = random.nextInt(waiting.size());
		Collections.swap(waiting, index, waiting.size() - 1);
		return waiting.remove(waiting.size() - 1);
	}

	private void startRaw(List<String> customers) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> customers.forEach(customer -> runtime
				.createMessageCorrelation("bench.wait.start").processInstanceBusinessKey(customer)
				.correlateStartMessage()));
	}

	private void correlateRaw(String customer) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> runtime
				.createMessageCorrelation("bench.wait.next").processInstanceBusinessKey(customer).correlate());
	}

	private void postCarts(List<String> customers) {
		var response = postEvents(batch(customers.stream()
				.map(customer -> cartUpdated("ev-" + customer, customer, "cart-" + customer, "Mug"))
				.toArray(String[]::new)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private void postOrder(String customer) {
		var response = postEvents(orderPlaced(customer, "cart-" + customer), "application/cloudevents+json",
				"Bearer " + TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static String row(int size, String name, double[] millis, double populateSeconds) {
		return String.format(Locale.ROOT, "%-10d %-44s %9.2f %9.2f %9.2f %10.1f%n", size, name, p(millis, 0.5),
				p(millis, 0.99), millis[millis.length - 1], populateSeconds);
	}

	private static Map<String, Object> percentiles(double[] millis) {
		return Map.of("p50Ms", p(millis, 0.5), "p99Ms", p(millis, 0.99), "maxMs", millis[millis.length - 1]);
	}

	@SuppressWarnings("unchecked")
	private static double p99(Map<String, Object> results, String size) {
		var shopflow = (Map<String, Object>) ((Map<String, Object>) results.get(size)).get("shopflow");
		return (double) shopflow.get("p99Ms");
	}

	private static double p(double[] sorted, double quantile) {
		return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

	@FunctionalInterface
	private interface BatchStarter {

		void start(List<String> customers);
	}
}
