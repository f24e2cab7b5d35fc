package io.shopflow.bench;

import static io.shopflow.TestEvents.batch;
import static io.shopflow.TestEvents.cartUpdated;
import static io.shopflow.TestEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;


import io.shopflow.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (docs/benchmarks.md), ingest: how fast events get in, Shopflow next to the bare engine, in one run on the same
 * embedded PostgreSQL, so the ratios compare like with like. Run with {@code mvn -B -Pbench verify}; prints a
 * table and writes {@code target/bench/results.json}.
 * <p>
 * Every scenario gets its own customers, a warm-up round that is not counted (JIT, connection pool, Kafka
 * consumer assignment), and a sanity check after the clock stopped, so a fast but wrong run fails instead of
 * reporting a figure. Events are sent from one thread, as by a single shop; the app side runs as configured.
 * Timers and sends are {@link SendBench}'s, latency with many waiting {@link LatencyBench}'s, the
 * million-customer wave {@link WaveBench}'s.
 */
@TestPropertySource(properties = {
		// IntegrationTestBase runs timers 3600x faster; P30D becomes 12 minutes, longer than the whole run,
		// so no reminder fires while we measure
		"shopflow.flows.abandoned-cart.first-reminder=P30D",
		// no job executor polling next to ingest: the figures are about getting events in, not about sending
		"camunda.bpm.job-execution.enabled=false" })
// close the app (and its embedded broker) when done, before the JVM's shutdown hooks remove their files
@DirtiesContext
class IngestBench extends IntegrationTestBase {

	private static final int EVENTS = Integer.getInteger("bench.events", 2000);
	private static final int BATCH = Integer.getInteger("bench.batch", 100);
	private static final int WARM_UP = 200;
	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
	private static final int WAITING = Integer.getInteger("bench.ingest.waiting", 2000);

	private static final String RAW_MODEL = "bench-raw";
	private static final String TOPIC = "shopflow.events";

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	private volatile List<String> orderStartMessages;

	@Test
	void ingest() throws IOException {
		deployRawModel();
		seedWaiting();
		DefaultKafkaProducerFactory<String, String> producers = producers();
		List<List<Figure>> rounds = new ArrayList<>();
		try {
			KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
			// the scenarios take turns, round after round, so a noisy neighbour hits them all alike
			for (int round = 1; round <= ROUNDS; round++) {
				List<Figure> figures = new ArrayList<>();
				figures.add(measure(round, "rawOneByOne", "raw engine, 1 op per transaction", 2, this::rawOneByOne,
						this::checkRaw));
				figures.add(measure(round, "rawBatched", "raw engine, " + BATCH + " ops per transaction", 2,
						this::rawBatched, this::checkRaw));
				figures.add(measure(round, "rawFlowsOneByOne", "raw engine, our flows, 1 op per tx", 2,
						this::rawFlowsOneByOne, this::checkCartsEndedByOrders));
				figures.add(measure(round, "rawFlowsBatched", "raw engine, our flows, " + BATCH + " per tx", 2,
						this::rawFlowsBatched, this::checkCartsEndedByOrders));
				figures.add(measure(round, "rest", "Shopflow REST, batches of " + BATCH + " (carts, then orders)", 2,
						this::rest, this::checkCartsEndedByOrders));
				figures.add(measure(round, "kafka", "Shopflow Kafka (carts, then orders)", 2,
						customers -> kafka(kafka, customers), this::checkCartsEndedByOrders));
				rounds.add(figures);
			}
		}
		finally {
			producers.destroy();
		}
		long heap = heapUsedAfterGc();

		report(median(rounds), heap);
	}

	/** Per scenario, the round with the median rate. */
	private static List<Figure> median(List<List<Figure>> rounds) {
		List<Figure> medians = new ArrayList<>();
		for (int scenario = 0; scenario < rounds.get(0).size(); scenario++) {
			int index = scenario;
			List<Figure> all = new ArrayList<>(rounds.stream().map(round -> round.get(index)).toList());
			all.sort(java.util.Comparator.comparingDouble(Figure::perSecond));
			medians.add(all.get(all.size() / 2));
		}
		return medians;
	}

	// ---- scenarios: each gets the customer ids of its round and sends their events -------------------------

	/** The bare engine, a start or a correlation per transaction: the floor every engine call pays. */
	private void rawOneByOne(List<String> customers) {
		oneByOne(customers, this::startRaw, this::nextRaw);
	}

	/** The bare engine, B operations per transaction: the engine-only reference for Shopflow's batched intake. */
	private void rawBatched(List<String> customers) {
		batched(customers, this::startRaw, this::nextRaw);
	}

	/**
	 * The engine work of {@link #rest}, done straight on the engine: the same deployed flows, the same messages
	 * and variables, but no intake (no event log, customers, carts, orders, counts or routing queries). What
	 * Shopflow adds on top of this is its own overhead; the bare model above shows what the flows themselves cost.
	 */
	private void rawFlowsOneByOne(List<String> customers) {
		oneByOne(customers, this::cartFlows, this::orderFlows);
	}

	/** {@link #rawFlowsOneByOne}, B events per transaction as the REST batches have. */
	private void rawFlowsBatched(List<String> customers) {
		batched(customers, this::cartFlows, this::orderFlows);
	}

	/** Each customer's first step, then each customer's second, every step in its own transaction. */
	private void oneByOne(List<String> customers, Consumer<String> first, Consumer<String> second) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (Consumer<String> step : List.of(first, second)) {
			customers.forEach(customer -> transaction.executeWithoutResult(status -> step.accept(customer)));
		}
	}

	/** As {@link #oneByOne}, B customers' steps per transaction. */
	private void batched(List<String> customers, Consumer<String> first, Consumer<String> second) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (Consumer<String> step : List.of(first, second)) {
			chunks(customers).forEach(chunk -> transaction.executeWithoutResult(status -> chunk.forEach(step)));
		}
	}

	/** A cart starts abandoned-cart with the cart's variables, as routing does. */
	private void cartFlows(String customer) {
		runtime.createMessageCorrelation("shop.cart.updated").processInstanceBusinessKey(customer)
				.setVariables(Map.of("cartId", cartId(customer), "cartTotal", 19.9, "currency", "EUR"))
				.correlateStartMessage();
	}

	/** An order ends the customer's waiting flows and starts those that begin with a purchase, as routing does. */
	private void orderFlows(String customer) {
		Map<String, Object> order = Map.of("orderId", "o-" + customer, "orderTotal", 19.9, "currency", "EUR");
		runtime.createMessageCorrelation("shop.order.placed").processInstanceBusinessKey(customer)
				.setVariables(order).correlateAll();
		for (String startMessage : orderStartMessages()) {
			runtime.createMessageCorrelation(startMessage).processInstanceBusinessKey(customer)
					.setVariables(order).correlateStartMessage();
		}
	}

	/**
	 * The start messages of the deployed flows that begin with an order ("shop.order.placed@post-purchase", ...),
	 * read from the models as routing reads them, so a flow added to the catalogue is in this baseline too.
	 */
	private List<String> orderStartMessages() {
		List<String> messages = orderStartMessages;
		if (messages == null) {
			messages = repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
					.flatMap(definition -> repository.getBpmnModelInstance(definition.getId())
							.getModelElementsByType(StartEvent.class).stream()
							.filter(start -> start.getParentElement() instanceof Process))
					.flatMap(start -> start.getEventDefinitions().stream())
					.filter(MessageEventDefinition.class::isInstance)
					.map(definition -> ((MessageEventDefinition) definition).getMessage())
					.filter(message -> message != null && message.getName() != null
							&& message.getName().startsWith("shop.order.placed@"))
					.map(Message::getName)
					.sorted()
					.toList();
			assertThat(messages).as("flows that start on an order").isNotEmpty();
			orderStartMessages = messages;
		}
		return messages;
	}

	/** Carts, then orders for the same customers, each POSTed in batches of B: starts, then ends, abandoned-cart. */
	private void rest(List<String> customers) {
		postCarts(customers);
		for (List<String> chunk : chunks(customers)) {
			post(chunk.stream().map(customer -> orderPlaced(customer, cartId(customer))));
		}
	}

	/**
	 * The events of {@link #rest} through the topic, one record each, keyed by customer so that a customer's order
	 * follows their cart on one partition; timed until the last one is recorded (and so routed).
	 */
	private void kafka(KafkaTemplate<String, String> kafka, List<String> customers) {
		double before = received();
		for (String customer : customers) {
			kafka.send(TOPIC, customer, cartUpdated(eventId(customer), customer, cartId(customer), "Mug"));
		}
		for (String customer : customers) {
			kafka.send(TOPIC, customer, orderPlaced(customer, cartId(customer)));
		}
		kafka.flush();
		// the intake's own after-commit counter: polling the database instead cost PostgreSQL 4.7 s of a 38 s round
		await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
				.until(() -> received() - before >= 2.0 * customers.size());
	}

	/** Cart and order events committed so far (shopflow.events.received). */
	private double received() {
		return Stream.of("shop.cart.updated", "shop.order.placed")
				.map(type -> meters.find("shopflow.events.received").tag("type", type).counter())
				.mapToDouble(counter -> counter == null ? 0 : counter.count())
				.sum();
	}

	// ---- sanity checks, after the clock stopped ----------------------------------------------------------

	private void checkRaw(List<String> customers) {
		assertThat(instances(RAW_MODEL, customers, false)).as("raw instances started").isEqualTo(customers.size());
		assertThat(instances(RAW_MODEL, customers, true)).as("raw instances ended").isEqualTo(customers.size());
	}

	private void checkCartsEndedByOrders(List<String> customers) {
		assertThat(instances("abandoned-cart", customers, false)).as("abandoned carts started")
				.isEqualTo(customers.size());
		assertThat(instances("abandoned-cart", customers, true)).as("abandoned carts ended")
				.isEqualTo(customers.size());
		// ended by the order, not some other way
		assertThat(jdbc.sql("""
				select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_
				where a.act_id_ = 'EndEvent_Ordered' and p.business_key_ like ?""")
				.param(commonPrefix(customers) + "%").query(Long.class).single()).isEqualTo(customers.size());
	}

	// ---- measuring -----------------------------------------------------------------------------------------

	private Figure measure(int round, String key, String name, int eventsPerCustomer,
			Consumer<List<String>> scenario, Consumer<List<String>> check) {
		if (round == 1) {
			List<String> warmUp = customers(key, "warm", WARM_UP);
			scenario.accept(warmUp);
			check.accept(warmUp);
		}
		List<String> customers = customers(key, "run" + round, EVENTS);
		// current planner statistics, as autovacuum keeps them on a running server (see seedWaiting)
		jdbc.sql("analyze").update();
		SqlProfile sql = new SqlProfile(jdbc);
		sql.reset();
		long start = System.nanoTime();
		scenario.accept(customers);
		long nanos = System.nanoTime() - start;
		sql.print(name, (long) EVENTS * eventsPerCustomer);
		check.accept(customers);
		return new Figure(key, name, (long) EVENTS * eventsPerCustomer, nanos / 1e9);
	}

	/**
	 * Customers who wait, as in any shop that runs: raw instances at their catch event, abandoned carts at their
	 * timer. Without them the engine's tables start empty, and statistics taken of empty tables make PostgreSQL
	 * join by scanning where it should look up by business key; one such plan cost the raw engine 45 ms a
	 * correlation. With them, the plans are those of a server in use, for the raw engine and Shopflow alike.
	 */
	private void seedWaiting() {
		List<String> customers = customers("waiting", "seed", WAITING);
		new TransactionTemplate(transactions).executeWithoutResult(status -> customers.forEach(this::startRaw));
		postCarts(customers);
	}

	private void postCarts(List<String> customers) {
		for (List<String> chunk : chunks(customers)) {
			post(chunk.stream().map(customer -> cartUpdated(eventId(customer), customer, cartId(customer), "Mug")));
		}
	}

	private void deployRawModel() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(RAW_MODEL)
				.camundaHistoryTimeToLive(1) // required: the engine enforces a history TTL
				.startEvent().message("bench.start")
				.intermediateCatchEvent().message("bench.next")
				.endEvent()
				.done();
		repository.createDeployment().name(RAW_MODEL).addModelInstance(RAW_MODEL + ".bpmn", model).deploy();
	}

	private void startRaw(String customer) {
		runtime.createMessageCorrelation("bench.start").processInstanceBusinessKey(customer).correlateStartMessage();
	}

	private void nextRaw(String customer) {
		runtime.createMessageCorrelation("bench.next").processInstanceBusinessKey(customer).correlate();
	}

	private void post(Stream<String> events) {
		var response = postEvents(batch(events.toArray(String[]::new)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private long instances(String model, List<String> customers, boolean endedOnly) {
		var query = history.createHistoricProcessInstanceQuery().processDefinitionKey(model)
				.processInstanceBusinessKeyLike(commonPrefix(customers) + "%");
		return endedOnly ? query.finished().count() : query.count();
	}

	private DefaultKafkaProducerFactory<String, String> producers() {
		return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
	}

	private static long heapUsedAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Ids like b-rest-run-000042: distinct per scenario and round, and the round found by its prefix. */
	private static List<String> customers(String scenario, String round, int count) {
		return IntStream.range(0, count).mapToObj(i -> "b-%s-%s-%06d".formatted(scenario, round, i)).toList();
	}

	private static String commonPrefix(List<String> customers) {
		String first = customers.get(0);
		return first.substring(0, first.lastIndexOf('-') + 1);
	}

	private static String eventId(String customer) {
		return "ev-" + customer;
	}

	private static String cartId(String customer) {
		return "cart-" + customer;
	}

	private static List<List<String>> chunks(List<String> items) {
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH) {
			chunks.add(items.subList(from, Math.min(from + BATCH, items.size())));
		}
		return chunks;
	}

	// ---- reporting -----------------------------------------------------------------------------------------

	private void report(List<Figure> figures, long heapBytes) throws IOException {
		double rawOneByOne = figures.get(0).perSecond();
		double rawBatched = figures.get(1).perSecond();
		double rawFlowsOneByOne = figures.get(2).perSecond();
		double rawFlowsBatched = figures.get(3).perSecond();

		StringBuilder table = new StringBuilder();
		table.append("%nShopflow ingest benchmark: N=%d customers per scenario, B=%d, warm-up %d, median of %d rounds, %d CPUs%n"
				.formatted(EVENTS, BATCH, WARM_UP, ROUNDS, Runtime.getRuntime().availableProcessors()));
		table.append("%-36s %8s %9s %10s %9s %9s %9s %9s%n".formatted("scenario", "events", "seconds", "events/s",
				"x raw 1:1", "x raw B", "x flows 1:1", "x flows B"));
		Map<String, Object> results = new LinkedHashMap<>();
		for (Figure figure : figures) {
			double toOneByOne = figure.perSecond() / rawOneByOne;
			double toBatched = figure.perSecond() / rawBatched;
			double toFlowsOneByOne = figure.perSecond() / rawFlowsOneByOne;
			double toFlowsBatched = figure.perSecond() / rawFlowsBatched;
			table.append(String.format(Locale.ROOT, "%-36s %8d %9.2f %10.1f %9.2f %9.2f %11.2f %9.2f%n",
					figure.name(), figure.events(), figure.seconds(), figure.perSecond(), toOneByOne, toBatched,
					toFlowsOneByOne, toFlowsBatched));
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("description", figure.name());
			result.put("events", figure.events());
			result.put("seconds", figure.seconds());
			result.put("eventsPerSecond", figure.perSecond());
			result.put("ratioToRawOneByOne", toOneByOne);
			result.put("ratioToRawBatched", toBatched);
			result.put("ratioToRawFlowsOneByOne", toFlowsOneByOne);
			result.put("ratioToRawFlowsBatched", toFlowsBatched);
			results.put(figure.key(), result);
		}
		// the whole test JVM: the app plus the embedded Kafka broker and GreenMail (PostgreSQL is its own process)
		table.append(String.format(Locale.ROOT, "heap used after GC: %.1f MB (app + embedded Kafka + GreenMail)%n",
				heapBytes / 1048576.0));
		System.out.print(table);

		Map<String, Object> json = new LinkedHashMap<>();
		json.put("events", EVENTS);
		json.put("batch", BATCH);
		json.put("warmUp", WARM_UP);
		json.put("rounds", ROUNDS);
		json.put("results", results);
		json.put("heapUsedAfterGcMb", heapBytes / 1048576.0);
		BenchResults.put("ingest", json);
	}

	/** One scenario's measured round; events counts starts and correlations (raw) or shop events (Shopflow). */
	private record Figure(String key, String name, long events, double seconds) {

		double perSecond() {
			return events / seconds;
		}
	}
}
