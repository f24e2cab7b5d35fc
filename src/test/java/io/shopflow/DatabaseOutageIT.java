package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops for 40 s and starts again on the same port and data directory, while the shop goes on sending
 * events over REST and Kafka and reminders come due. While it is down, the API answers 503 (an RFC 9457 problem
 * with Retry-After) within seconds, health says DOWN, and Kafka records wait instead of going to the dead-letter
 * topic. After it is back, without a restart of Shopflow: the REST client's retried batch is accepted, every
 * event is recorded once, every customer is in each flow once, and every welcome email and first reminder
 * arrives exactly once, the reminders that came due during the outage included.
 *
 * This test has a PostgreSQL server of its own (the shared one must stay up for the other tests), hence its own
 * context, closed after it.
 */
@TestPropertySource(properties = {
		// the first reminder comes 20 s after the cart: the carts filled just before the outage come due in it
		"shopflow.flows.abandoned-cart.first-reminder=PT20H",
		// two emails per customer, the welcome and the first reminder
		"shopflow.flows.abandoned-cart.second-reminder=P30D",
		"shopflow.flows.welcome.story-delay=P30D" })
@DirtiesContext
class DatabaseOutageIT extends IntegrationTestBase {

	static final Duration OUTAGE = Duration.ofSeconds(40);
	static final int CUSTOMERS = 160;

	private static Path dataDirectory;
	private static int postgresPort;
	private static volatile EmbeddedPostgres postgres;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@DynamicPropertySource
	static void restartablePostgres(DynamicPropertyRegistry registry) throws IOException {
		synchronized (DatabaseOutageIT.class) {
			if (postgres == null) {
				dataDirectory = Files.createTempDirectory("shopflow-db-outage-");
				try (ServerSocket socket = new ServerSocket(0)) {
					postgresPort = socket.getLocalPort();
				}
				postgres = startPostgres();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
						FileSystemUtils.deleteRecursively(dataDirectory);
					}
					catch (IOException e) {
						// the JVM is going away; a left-over temporary directory is all that can come of it
					}
				}));
			}
		}
		registry.add("spring.datasource.url",
				() -> "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres");
	}

	/** The same port and data directory every time: a restart, not a new server. */
	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder().setPort(postgresPort).setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false).setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200").start();
	}

	@Test
	void aPostgresRestartLosesNoEventAndSendsNothingTwice() throws Exception {
		String prefix = "dbdown" + id().substring(0, 5) + "-";
		var producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
				new StringSerializer());
		KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
		List<String> ids = new ArrayList<>();

		// before: customers 0-39 register over REST, 40-79 register and fill a cart over Kafka; all of it done
		assertThat(post(events(prefix, 0, 40, ids, true, false)).statusCode()).isEqualTo(202);
		produce(kafka, prefix, 40, 80, ids);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(recorded(prefix)).isEqualTo(ids.size());
			assertThat(sent(prefix, "Task_SendWelcome")).isEqualTo(80);
			assertThat(sent(prefix, "Task_SendFirstReminder")).isEqualTo(40);
		});
		// customers 0-39 fill their carts, in one transaction: their reminders come due 20 s later, in the outage
		assertThat(post(events(prefix, 0, 40, ids, false, true)).statusCode()).isEqualTo(202);

		postgres.close(); // pg_ctl stop -m fast: every connection is cut
		Instant down = Instant.now();

		// REST: a quick 503 problem with Retry-After; the client retries as told
		String refusedBatch = events(prefix, 80, 120, ids, true, true);
		HttpResponse<String> refused = post(refusedBatch);
		Duration answeredIn = Duration.between(down, Instant.now());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("\"type\":\"https://shopflow.io/problems/database-unavailable\"")
				.contains("\"status\":503");
		assertThat(answeredIn).as("503 answered in").isLessThan(Duration.ofSeconds(20));
		CompletableFuture<Integer> client = CompletableFuture.supplyAsync(() -> postUntilAccepted(refusedBatch));

		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health"))
				.timeout(Duration.ofSeconds(60)).build());
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"");
		// staff sign-ins read the users from the database: again later, not a failure
		assertThat(send(HttpRequest.newBuilder(uri("/api/segments")).header("Authorization", OPERATOR)
				.timeout(Duration.ofSeconds(60)).build()).statusCode()).isEqualTo(503);

		// Kafka: records arrive while the database is down
		produce(kafka, prefix, 120, 160, ids);
		producers.destroy();

		Thread.sleep(Math.max(0, OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));
		assertThat(client).as("still refused while the database is down").isNotDone();
		assertThat(sent(prefix, "Task_SendFirstReminder")).isEqualTo(40);
		postgres = startPostgres();
		Timestamp up = Timestamp.from(Instant.now());

		assertThat(client.get(2, TimeUnit.MINUTES)).isEqualTo(202);
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
				send(HttpRequest.newBuilder(uri("/actuator/health")).build()).statusCode()).isEqualTo(200));
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(recorded(prefix)).isEqualTo(ids.size());
			assertThat(sent(prefix, "Task_SendWelcome")).isEqualTo(CUSTOMERS);
			assertThat(sent(prefix, "Task_SendFirstReminder")).isEqualTo(CUSTOMERS);
		});
		Thread.sleep(5000); // room for a second delivery of anything

		assertThat(jdbc.sql("select count(*) from shop_events where id in (:ids)").param("ids", ids).query(Long.class)
				.single()).as("every event accepted or produced is recorded").isEqualTo(ids.size());
		assertThat(deadLetters(prefix)).as("records dead-lettered").isEmpty();
		for (String flow : new String[] { "welcome", "abandoned-cart" }) {
			Map<String, Long> perCustomer = history.createHistoricProcessInstanceQuery().processDefinitionKey(flow)
					.processInstanceBusinessKeyLike(prefix + "%").list().stream()
					.collect(Collectors.groupingBy(HistoricProcessInstance::getBusinessKey, Collectors.counting()));
			assertThat(perCustomer).as(flow).hasSize(CUSTOMERS).allSatisfy((customer, count) -> assertThat(count)
					.as(customer).isEqualTo(1));
		}
		Map<String, Long> emails = emailsPerStep(prefix);
		assertThat(emails).hasSize(2 * CUSTOMERS)
				.allSatisfy((recipientAndStep, count) -> assertThat(count).as(recipientAndStep).isEqualTo(1));
		assertThat(jdbc.sql("select status, count(*) from send_log where customer_id like ? group by status")
				.param(prefix + "%").query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
				.containsExactly("SENT=" + 2 * CUSTOMERS);
		List<Timestamp> dueInTheOutage = jdbc.sql("""
				select sent_at from send_log where step = 'Task_SendFirstReminder' and customer_id in (:customers)""")
				.param("customers", IntStream.range(0, 40).mapToObj(i -> prefix + i).toList())
				.query(Timestamp.class).list();
		assertThat(dueInTheOutage).as("the reminders that came due during the outage went out after it").hasSize(40)
				.allSatisfy(sentAt -> assertThat(sentAt).isAfter(up));
		assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
		System.out.printf("DatabaseOutageIT: 503 after %s; %d events, %d emails, none twice, none dead-lettered%n",
				answeredIn, ids.size(), emails.size());
	}

	/** A REST batch of registrations and/or carts for the customers; their ids are added to the list. */
	private static String events(String prefix, int from, int to, List<String> ids, boolean registration,
			boolean cart) {
		List<String> events = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String customer = prefix + i;
			if (registration) {
				String id = id();
				ids.add(id);
				events.add(registered(id, customer, customer + "@example.com", "en", true));
			}
			if (cart) {
				String id = id();
				ids.add(id);
				events.add(cartUpdated(id, customer, "cart-" + customer, "Mug"));
			}
		}
		return batch(events.toArray(String[]::new));
	}

	/** Each customer's registration and cart, keyed by customer as a shop would. */
	private static void produce(KafkaTemplate<String, String> kafka, String prefix, int from, int to, List<String> ids) {
		for (int i = from; i < to; i++) {
			String registered = id();
			String cart = id();
			ids.add(registered);
			ids.add(cart);
			kafka.send("shopflow.events", prefix + i, registered(registered, prefix + i, prefix + i + "@example.com",
					"en", true));
			kafka.send("shopflow.events", prefix + i, cartUpdated(cart, prefix + i, "cart-" + prefix + i, "Mug"));
		}
		kafka.flush();
	}

	private HttpResponse<String> post(String batch) {
		return send(HttpRequest.newBuilder(uri("/api/events")).timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/cloudevents-batch+json").header("Authorization", "Bearer " + TOKEN)
				.POST(HttpRequest.BodyPublishers.ofString(batch)).build());
	}

	/** What a well-behaved REST client does: the same request again after Retry-After, until it is accepted. */
	private int postUntilAccepted(String batch) {
		for (int attempt = 0; attempt < 60; attempt++) {
			HttpResponse<String> response = post(batch);
			if (response.statusCode() != 503) {
				return response.statusCode();
			}
			try {
				Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("5")));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}
		return 503;
	}

	private long recorded(String prefix) {
		return jdbc.sql("select count(*) from shop_events where subject like ?").param(prefix + "%").query(Long.class)
				.single();
	}

	private long sent(String prefix, String step) {
		return emailsPerStep(prefix).keySet().stream().filter(key -> key.endsWith(" " + step)).count();
	}

	private List<String> deadLetters(String prefix) {
		Map<String, Object> props = KafkaTestUtils.consumerProps("dlt-" + id(), "false", broker);
		props.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer()) {
			consumer.subscribe(List.of("shopflow.events.dlt"));
			List<String> found = new ArrayList<>();
			Instant until = Instant.now().plusSeconds(5);
			while (Instant.now().isBefore(until)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.key() != null && record.key().startsWith(prefix)) {
						found.add(record.key());
					}
				}
			}
			return found;
		}
	}
}
