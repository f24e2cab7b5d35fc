package io.shopflow.campaigns;

import static io.shopflow.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.EngineTest;
import io.shopflow.segments.Segments;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A broadcast to 10,000 generated customers in three time zones, 10% without consent, at 09:00 local time,
 * 2,500 a minute, paused after the first batch and resumed: each customer gets at most one message, those
 * without consent are skipped with the reason, the sends follow the time zones, and nothing is lost.
 */
@EngineTest
class CampaignTest {

	static final int CUSTOMERS = 10_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Segments segments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	final String run = "bc" + id().substring(0, 6);

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void aBroadcastReachesEveryoneOnceAtTheirLocalTimeThroughPauseAndResume() throws Exception {
		at("2026-11-24T12:00:00Z");
		generateCustomers();
		segments.save(run, "Broadcast test audience",
				new ObjectMapper().readTree("{\"profile\":\"email\",\"startsWith\":\"" + run + "-\"}"));

		mvc.perform(post("/api/campaigns").header("Authorization", io.shopflow.EngineTest.OPERATOR)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"key":"%s","name":"Winter sale","segment":"%s","template":"seasonal-sale","channels":["email"],
						 "sendAt":"2026-11-25T09:00","localTime":true,"perMinute":2500}""".formatted(run, run)))
				.andExpect(status().isCreated());
		assertThat(count("select count(*) from campaign_recipients where campaign_key = ?")).isEqualTo(CUSTOMERS);
		assertThat(jdbc.sql("select distinct due_at from campaign_recipients where campaign_key = ? order by due_at")
				.param(run).query((rs, n) -> rs.getTimestamp(1).toInstant()).list())
				.as("09:00 in Stockholm, London and New York").containsExactly(Instant.parse("2026-11-25T08:00:00Z"),
						Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-25T14:00:00Z"));
		String instance = jdbc.sql("select process_instance_id from campaigns where campaign_key = ?").param(run)
				.query(String.class).single();

		at("2026-11-25T08:00:30Z");
		runDueJobs(instance);
		long afterFirstBatch = done();
		assertThat(afterFirstBatch).as("one batch, Stockholm only").isEqualTo(2500);

		mvc.perform(post("/api/campaigns/{key}/pause", run).header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk()).andExpect(jsonPath("$.campaign.status").value("paused"));
		at("2026-11-25T10:00:00Z");
		assertThat(management.createJobQuery().processInstanceId(instance).active().count()).as("paused").isZero();
		assertThat(done()).isEqualTo(afterFirstBatch);

		mvc.perform(post("/api/campaigns/{key}/resume", run).header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk());
		for (int round = 0; round < 40 && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
				round++) {
			runDueJobs(instance);
			passTime(Duration.ofMinutes(1));
			if (round == 5) {
				at("2026-11-25T14:00:30Z");
			}
		}

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("campaign ended").isZero();
		assertThat(count("select count(*) from campaign_recipients where campaign_key = ? and status = 'sent'"))
				.isEqualTo(CUSTOMERS * 9 / 10);
		assertThat(jdbc.sql("select reason from campaign_recipients where campaign_key = ? and status = 'skipped'")
				.param(run).query(String.class).list()).hasSize(CUSTOMERS / 10).containsOnly("no-consent");
		assertThat(count("select count(*) from campaign_recipients where campaign_key = ? and status = 'queued'")).isZero();
		assertThat(jdbc.sql("""
				select customer_id from send_log where flow = 'campaigns' and step = ? group by customer_id
				having count(*) > 1""").param(run).query(String.class).list()).as("twice").isEmpty();
		assertThat(jdbc.sql("select count(*) from outbox where recipient like ?").param(run + "-%")
				.query(Long.class).single()).isEqualTo(CUSTOMERS * 9 / 10);
		List<Instant> newYork = jdbc.sql("""
				select r.done_at from campaign_recipients r join customers c on c.id = r.customer_id
				where r.campaign_key = ? and c.time_zone = 'America/New_York' and r.status = 'sent'""")
				.param(run).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
		assertThat(newYork).isNotEmpty().allMatch(done -> !done.isBefore(Instant.parse("2026-11-25T14:00:00Z")));
		assertThat(jdbc.sql("select status from campaigns where campaign_key = ?").param(run).query(String.class).single())
				.isEqualTo("done");
	}

	private void generateCustomers() {
		jdbc.sql("""
				insert into customers (id, email, first_name, locale, time_zone, created_at, updated_at)
				select ? || '-' || x, ? || '-' || x || '@example.com', 'Kim', 'en',
				  case mod(x, 3) when 0 then 'Europe/Stockholm' when 1 then 'Europe/London' else 'America/New_York' end,
				  current_timestamp, current_timestamp
				from system_range(1, ?)""").params(run, run, CUSTOMERS).update();
		jdbc.sql("""
				insert into consents (customer_id, channel, granted, source, changed_at)
				select ? || '-' || x, 'email', true, 'test', current_timestamp from system_range(1, ?) where mod(x, 10) <> 0""")
				.params(run, CUSTOMERS).update();
	}

	private void runDueJobs(String instance) {
		for (int i = 0; i < 10; i++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(instance).executable().active().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

	private long done() {
		return count("select count(*) from campaign_recipients where campaign_key = ? and status <> 'queued'");
	}

	private long count(String sql) {
		return jdbc.sql(sql).param(run).query(Long.class).single();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	private static void passTime(Duration duration) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
	}
}
