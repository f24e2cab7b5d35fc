package io.shopflow.messaging;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.shopflow.IntegrationTestBase;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The SMTP server stops for 2 minutes while 300 customers' welcome emails and first cart reminders come due, and
 * comes back. Every send fails, is recorded FAILED in the send log and is retried by the job executor; after the
 * recovery each of the 700 expected emails (50 customers from before the outage, 300 during it) arrives exactly
 * once, no incident was ever raised, and no failed job is left.
 */
@TestPropertySource(properties = {
		// a retry cycle that outlasts the outage, as production's (1 min, 5 min, 15 min, 1 h, 4 h) does;
		// the test's general R5/PT1S would run out within seconds
		"camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R12/PT15S",
		// two emails per customer, both due within seconds: the welcome and the first cart reminder
		"shopflow.flows.welcome.story-delay=P30D",
		"shopflow.flows.abandoned-cart.second-reminder=P30D" })
@DirtiesContext
class SmtpOutageIT extends IntegrationTestBase {

	static final int BEFORE = 50;
	static final int DURING = 300;
	static final Duration OUTAGE = Duration.ofMinutes(2);
	static final String[] STEPS = { "Task_SendWelcome", "Task_SendFirstReminder" };

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		ownDatabase(registry, "smtp_outage");
	}

	@Test
	void everyEmailDueDuringATwoMinuteOutageGoesOutOnceAfterIt() throws Exception {
		String prefix = "smtp" + id().substring(0, 5) + "-";
		register(prefix, 0, BEFORE);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(emailsPerStep(prefix)).hasSize(BEFORE * STEPS.length));

		Map<String, Long> beforeOutage = emailsPerStep(prefix); // GreenMail forgets what it received when it stops
		smtp.stop();
		Instant outage = Instant.now();
		register(prefix, BEFORE, BEFORE + DURING);

		// while it is down: every due send has failed at least once, is waiting for its next retry, and none of
		// them is an incident
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
				jdbc.sql("select count(*) from send_log where customer_id like ? and status = 'FAILED'")
						.param(prefix + "%").query(Long.class).single()).isEqualTo((long) DURING * STEPS.length));
		assertThat(failedJobs(prefix)).hasSize(DURING * STEPS.length);
		// a retry finds what its first attempt did: each failed send is named after the job that runs and retries it
		assertThat(jdbc.sql("select send_key from send_log where customer_id like ? and status = 'FAILED'")
				.param(prefix + "%").query(String.class).list())
				.containsExactlyInAnyOrderElementsOf(management.createJobQuery().withException().list().stream()
						.filter(job -> instances(prefix).contains(job.getProcessInstanceId()))
						.map(job -> job.getProcessInstanceId() + ":" + job.getFailedActivityId() + ":" + job.getId())
						.toList());
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/mail")).header("Authorization", OPERATOR)
				.build()).body()).contains("\"status\":\"DOWN\"");
		while (Duration.between(outage, Instant.now()).compareTo(OUTAGE) < 0) {
			assertThat(incidents(prefix)).as("incidents during the outage").isEmpty();
			Thread.sleep(5000);
		}
		assertThat(jdbc.sql("select count(*) from send_log where customer_id like ? and status = 'SENT'")
				.param(prefix + "%").query(Long.class).single()).isEqualTo((long) BEFORE * STEPS.length);
		smtp.start();
		Instant recovery = Instant.now();

		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
				received(beforeOutage, prefix)).hasSize((BEFORE + DURING) * STEPS.length));
		Duration catchUp = Duration.between(recovery, Instant.now());
		Thread.sleep(5000); // room for a second delivery of anything

		Map<String, Long> emails = received(beforeOutage, prefix);
		assertThat(emails).hasSize((BEFORE + DURING) * STEPS.length)
				.allSatisfy((recipientAndStep, count) -> assertThat(count).as(recipientAndStep).isEqualTo(1));
		for (String step : STEPS) {
			assertThat(emails.keySet().stream().filter(key -> key.endsWith(" " + step)).count()).as(step)
					.isEqualTo(BEFORE + DURING);
		}
		assertThat(jdbc.sql("select status, count(*) from send_log where customer_id like ? group by status")
				.param(prefix + "%").query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
				.containsExactly("SENT=" + (BEFORE + DURING) * STEPS.length);
		long retried = jdbc.sql("select count(*) from send_log where customer_id like ? and attempts > 1")
				.param(prefix + "%").query(Long.class).single();
		assertThat(retried).as("sends that needed more than one attempt").isEqualTo((long) DURING * STEPS.length);
		assertThat(incidents(prefix)).as("incidents, open or resolved").isEmpty();
		assertThat(failedJobs(prefix)).as("failed jobs left").isEmpty();
		System.out.printf("SmtpOutageIT: %d emails after a %s outage, %d retried, all out %s after recovery%n",
				emails.size(), OUTAGE, retried, catchUp);
	}

	/** Everything received, before the outage and since the SMTP server came back, per recipient and step. */
	private Map<String, Long> received(Map<String, Long> beforeOutage, String prefix) {
		Map<String, Long> all = new TreeMap<>(beforeOutage);
		emailsPerStep(prefix).forEach((recipientAndStep, count) -> all.merge(recipientAndStep, count, Long::sum));
		return all;
	}

	private void register(String prefix, int from, int to) {
		List<String> events = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String customer = prefix + i;
			events.add(registered(customer, customer + "@example.com", "en", true));
			events.add(cartUpdated(id(), customer, "cart-" + customer, "Mug"));
			if (events.size() == 100 || i == to - 1) {
				assertThat(postEvents(batch(events.toArray(String[]::new))).statusCode()).isEqualTo(202);
				events.clear();
			}
		}
	}

	private Set<String> instances(String prefix) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").list()
				.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
	}

	/** Incidents of this test's customers, open (runtime) or already resolved (history). */
	private List<String> incidents(String prefix) {
		Set<String> mine = instances(prefix);
		List<String> incidents = new ArrayList<>();
		runtime.createIncidentQuery().list().stream().filter(i -> mine.contains(i.getProcessInstanceId()))
				.forEach(i -> incidents.add(i.getActivityId() + ": " + i.getIncidentMessage()));
		history.createHistoricIncidentQuery().list().stream().filter(i -> mine.contains(i.getProcessInstanceId()))
				.forEach(i -> incidents.add(i.getActivityId() + " (history): " + i.getIncidentMessage()));
		return incidents;
	}

	/** Jobs of this test's customers whose last run failed. */
	private List<String> failedJobs(String prefix) {
		Set<String> mine = instances(prefix);
		return management.createJobQuery().withException().list().stream()
				.filter(job -> mine.contains(job.getProcessInstanceId()))
				.map(job -> job.getId() + " retries=" + job.getRetries()).toList();
	}
}
