package io.shopflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real stack of docs/architecture.md, natively: PostgreSQL (zonky binaries, profile "postgres" as in docker-compose),
 * a KRaft Kafka broker, and an SMTP server (GreenMail on a port Maven reserves, fresh for every test).
 * Timers run 3600 times faster, so the first reminder (PT3H here) comes after 3 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"shopflow.api.token=" + IntegrationTestBase.TOKEN,
		"camunda.bpm.admin-user.password=it-admin-password",
		"shopflow.timers.speedup=3600",
		"shopflow.flows.abandoned-cart.first-reminder=PT3H",
		"shopflow.flows.abandoned-cart.second-reminder=PT3H",
		"shopflow.flows.welcome.story-delay=PT3H",
		"shopflow.flows.welcome.club-delay=PT3H",
		"shopflow.flows.browse-abandonment.delay=PT4H",
		"shopflow.flows.post-purchase.review-after-delivery=PT4H",
		"shopflow.flows.win-back.miss-you-delay=PT6H",
		"shopflow.flows.win-back.incentive-delay=PT3H",
		"shopflow.flows.replenishment.lead-time=PT3H",
		"shopflow.flows.replenishment.follow-up-after=PT3H",
		// every order starts a win-back (6 s here) and may reach a VIP tier; neither may take other tests' cap
		"shopflow.messaging.frequency-cap.exempt-flows=abandoned-cart,win-back,vip",
		// a 2 h cap window (2 s here) lets the 3 h steps above through, as 16 h do with the real 48 h delays
		"shopflow.messaging.frequency-cap.window=PT2H",
		// the wall clock decides quiet hours here; the deferral is proven with a moved clock in the process test
		"shopflow.messaging.quiet-hours.channels=none",
		"shopflow.sms.twilio.account-sid=AC-it",
		"shopflow.sms.twilio.auth-token=it-twilio-token",
		"shopflow.sms.twilio.from=Shopflow",
		"shopflow.sms.twilio.read-timeout=PT1S",
		"camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R5/PT1S",
		"spring.mail.host=localhost",
		"spring.mail.port=${test.smtp-port:3025}",
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"shopflow.kafka.backoff=PT0.2S",
		"shopflow.kafka.partitions=2",
		// outbound destinations through application.yaml's placeholders, so a test can still turn them off with
		// shopflow.outbound.* (SendBench measures an install without them, as shipped)
		"SHOPFLOW_OUTBOUND_TOPIC=shopflow.outbound",
		"shopflow.outbound.webhook.secret=" + IntegrationTestBase.OUTBOUND_SECRET })
@ActiveProfiles("postgres")
@EmbeddedKafka(kraft = true, partitions = 2)
public abstract class IntegrationTestBase {

	public static final String TOKEN = "it-token-0123456789";
	public static final String OUTBOUND_SECRET = "it-outbound-secret";

	/** Basic auth of the admin user, an operator (group camunda-admin). */
	public static final String OPERATOR = basic("admin", "it-admin-password");

	/** Basic auth of a marketer (group shopflow-marketers), created for the tests. */
	public static final String MARKETER = basic("itmarketer", "itmarketer-password");

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(Integer.getInteger("test.smtp-port", 3025), null, ServerSetup.PROTOCOL_SMTP));

	private static EmbeddedPostgres postgres;

	/** Twilio, as a real HTTP server that accepts every message. */
	protected static WireMockServer twilio;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private ProcessEngine processEngine;

	protected final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Test classes with their own context (own database, @DirtiesContext) share this JVM and the engine name
	 * "default"; when one closes, it takes the name out of Camunda's static registry, which /engine-rest reads.
	 */
	@BeforeEach
	void registerThisContextsEngine() {
		ProcessEngines.registerProcessEngine(processEngine);
		var identity = processEngine.getIdentityService();
		if (identity.createUserQuery().userId("itmarketer").count() == 0) {
			var user = identity.newUser("itmarketer");
			user.setPassword("itmarketer-password");
			identity.saveUser(user);
			identity.createMembership("itmarketer", "shopflow-marketers");
		}
	}

	public static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException {
		sharedPostgres();
		synchronized (IntegrationTestBase.class) {
			if (twilio == null) {
				WireMockConfiguration config = WireMockConfiguration.wireMockConfig().dynamicPort();
				if (!Boolean.parseBoolean(System.getProperty("test.request-journal", "true"))) {
					// benchmarks read no request back; the journal would keep every outbound webhook call (~3 KB each)
					config.disableRequestJournal();
				}
				twilio = new WireMockServer(config);
				twilio.start();
				twilio.stubFor(WireMock.post(WireMock.urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
						.willReturn(WireMock.okJson("{\"sid\":\"SM-it\",\"status\":\"queued\"}").withStatus(201)));
				// the shop's receiver of Shopflow's outbound webhook: down for the first call, then fine
				twilio.stubFor(WireMock.post("/shop/shopflow-events").inScenario("outbound")
						.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
						.willReturn(WireMock.serverError()).willSetStateTo("up"));
				twilio.stubFor(WireMock.post("/shop/shopflow-events").inScenario("outbound").whenScenarioStateIs("up")
						.willReturn(WireMock.ok()));
			}
		}
		registry.add("shopflow.sms.twilio.base-url", twilio::baseUrl);
		registry.add("SHOPFLOW_OUTBOUND_WEBHOOK_URL", () -> twilio.baseUrl() + "/shop/shopflow-events");
		registry.add("SPRING_DATASOURCE_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("SPRING_DATASOURCE_USERNAME", () -> "postgres");
		registry.add("SPRING_DATASOURCE_PASSWORD", () -> "postgres");
	}

	private static synchronized EmbeddedPostgres sharedPostgres() throws IOException {
		if (postgres == null) {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "200");
			String synchronousCommit = System.getProperty("bench.synchronous-commit");
			if (synchronousCommit != null) {
				// zonky turns both off for fast tests; benchmarks wait for the WAL flush as a production server does
				builder.setServerConfig("synchronous_commit", synchronousCommit);
				builder.setServerConfig("fsync", synchronousCommit);
			}
			if (Boolean.getBoolean("bench.sql")) {
				// benchmarks list the statements that took their time (-Dbench.sql=true), and PostgreSQL logs the
				// plan of every statement over 3 ms to target/bench/postgres-log: a slow figure comes with its reason
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain");
				builder.setServerConfig("auto_explain.log_min_duration", "3ms");
				builder.setServerConfig("auto_explain.log_analyze", "on");
				builder.setServerConfig("logging_collector", "on");
				builder.setServerConfig("log_directory", Path.of(System.getProperty("bench.output",
						"target/bench"), "postgres-log").toAbsolutePath().toString());
			}
			postgres = builder.start();
		}
		return postgres;
	}

	/**
	 * Points the test's context at a database of its own on the shared server. For tests that need their own
	 * context (other settings): every context in the JVM runs a job executor, and one on the shared database would
	 * run this test's jobs with its own settings.
	 */
	protected static void ownDatabase(DynamicPropertyRegistry registry, String name) throws IOException {
		try (var connection = sharedPostgres().getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (java.sql.SQLException e) {
			throw new IOException(e);
		}
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", name));
	}

	protected HttpResponse<String> postEvents(String body) {
		return postEvents(body, "application/cloudevents-batch+json", "Bearer " + TOKEN);
	}

	protected HttpResponse<String> postEvents(String body, String contentType, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/events"))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Posts a Twilio webhook as Twilio does: a form, signed (or not) in X-Twilio-Signature. */
	protected HttpResponse<String> twilioHook(String path, Map<String, String> form, String signature) {
		String body = form.entrySet().stream()
				.map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
						+ java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** Twilio's algorithm, written out again here so the tests do not trust the code they test. */
	protected static String twilioSignature(String path, Map<String, String> form) throws Exception {
		StringBuilder data = new StringBuilder("http://localhost:8080" + path);
		new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
		mac.init(new javax.crypto.spec.SecretKeySpec("it-twilio-token".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"HmacSHA1"));
		return java.util.Base64.getEncoder()
				.encodeToString(mac.doFinal(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** Cart emails to this test's customer only: other flows and earlier tests' flows may be sending too. */
	protected List<MimeMessage> awaitEmailsTo(String customer, int count) {
		return awaitEmailsTo(customer, "abandoned-cart", count);
	}

	protected List<MimeMessage> awaitEmailsTo(String customer, String flow, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(customer, flow).size() >= count);
		return emailsTo(customer, flow);
	}

	protected List<MimeMessage> emailsTo(String customer) {
		return emailsTo(customer, "abandoned-cart");
	}

	protected List<MimeMessage> emailsTo(String customer, String flow) {
		return Arrays.stream(smtp.getReceivedMessagesForDomain(customer + "@example.com"))
				.filter(email -> flow.equals(header(email, "X-Shopflow-Flow")))
				.toList();
	}

	/**
	 * Emails received so far, counted per recipient and flow step ("c-1@example.com Task_SendWelcome"), for
	 * recipients whose address starts with the prefix: a count above 1 is a message sent twice.
	 */
	protected Map<String, Long> emailsPerStep(String prefix) {
		return Arrays.stream(smtp.getReceivedMessages())
				.map(email -> recipient(email) + " " + header(email, "X-Shopflow-Step"))
				.filter(key -> key.startsWith(prefix))
				.collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()));
	}

	private static String recipient(MimeMessage email) {
		try {
			return email.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String header(MimeMessage email, String name) {
		try {
			return email.getHeader(name, null);
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	protected static String customer() {
		return "c-" + TestEvents.id().substring(0, 8);
	}
}
