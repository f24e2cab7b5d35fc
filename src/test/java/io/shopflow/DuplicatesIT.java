package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * 10,000 events, 20% of them repeats chosen at random, mixed over REST batches and Kafka (a repeat often takes
 * the other way): against the expectation computed from the unique events, every customer's welcome and first
 * cart reminder is recorded exactly once, sent to those with consent and skipped for the others; no email twice.
 */
class DuplicatesIT extends IntegrationTestBase {

	static final int EVENTS = 10_000;
	static final int UNIQUE = EVENTS * 8 / 10;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void repeatsOverRestAndKafkaSendNothingTwiceAndMissNothing() throws Exception {
		Random random = new Random(6);
		String prefix = "dup" + id().substring(0, 5) + "-";
		List<String[]> unique = new ArrayList<>();
		List<String> consenting = new ArrayList<>();
		for (int i = 0; i < UNIQUE / 2; i++) {
			String customer = prefix + i;
			boolean consent = i % 4 == 0;
			if (consent) {
				consenting.add(customer);
			}
			unique.add(new String[] { customer, registered(customer, customer + "@example.com", "en", consent) });
			unique.add(new String[] { customer, cartUpdated(id(), customer, "cart-" + customer, "Mug") });
		}
		// each customer's events in order on one path (by customer); the repeats come later, on either path,
		// as a redelivery does
		List<String[]> repeats = new ArrayList<>();
		for (int i = 0; i < EVENTS - UNIQUE; i++) {
			repeats.add(unique.get(random.nextInt(unique.size())));
		}
		Collections.shuffle(repeats, random);

		KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new StringSerializer()));
		List<String> restBatch = new ArrayList<>();
		List<String[]> all = new ArrayList<>(unique);
		all.addAll(repeats);
		for (int i = 0; i < all.size(); i++) {
			String[] event = all.get(i);
			boolean viaKafka = i < unique.size() ? Math.floorMod(event[0].hashCode(), 2) == 0 : random.nextBoolean();
			if (viaKafka) {
				kafka.send("shopflow.events", event[0], event[1]);
			}
			else {
				restBatch.add(event[1]);
				if (restBatch.size() == 100) {
					assertThat(postEvents(batch(restBatch.toArray(String[]::new))).statusCode()).isEqualTo(202);
					restBatch.clear();
				}
			}
		}
		if (!restBatch.isEmpty()) {
			assertThat(postEvents(batch(restBatch.toArray(String[]::new))).statusCode()).isEqualTo(202);
		}
		kafka.flush();

		int customers = UNIQUE / 2;
		await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2)).until(() -> steps(prefix,
				"Task_SendFirstReminder") == customers && steps(prefix, "Task_SendWelcome") == customers
				&& pending(prefix) == 0);

		for (String step : new String[] { "Task_SendWelcome", "Task_SendFirstReminder" }) {
			assertThat(jdbc.sql("""
					select customer_id from send_log where customer_id like ? and step = ?
					group by customer_id having count(*) > 1""").params(prefix + "%", step).query(String.class).list())
					.as(step + " twice").isEmpty();
			Map<String, Object> outcome = jdbc.sql("""
					select sum(case when status = 'SENT' then 1 else 0 end) as sent,
					       sum(case when status = 'SKIPPED' then 1 else 0 end) as skipped
					from send_log where customer_id like ? and step = ?""").params(prefix + "%", step).query().singleRow();
			assertThat(((Number) outcome.get("sent")).intValue()).as(step + " sent").isEqualTo(consenting.size());
			assertThat(((Number) outcome.get("skipped")).intValue()).as(step + " skipped").isEqualTo(customers - consenting.size());
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> emails(prefix, "Task_SendFirstReminder") == consenting.size());
		assertThat(emails(prefix, "Task_SendWelcome")).isEqualTo(consenting.size());
	}

	private long steps(String prefix, String step) {
		return jdbc.sql("select count(distinct customer_id) from send_log where customer_id like ? and step = ?")
				.params(prefix + "%", step).query(Long.class).single();
	}

	private long pending(String prefix) {
		return jdbc.sql("select count(*) from send_log where customer_id like ? and status in ('PENDING', 'SENDING')")
				.param(prefix + "%").query(Long.class).single();
	}

	private long emails(String prefix, String step) {
		return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(email -> {
			try {
				return email.getAllRecipients()[0].toString().startsWith(prefix)
						&& step.equals(email.getHeader("X-Shopflow-Step", null));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).count();
	}
}
