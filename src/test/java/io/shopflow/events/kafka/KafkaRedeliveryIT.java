package io.shopflow.events.kafka;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import io.shopflow.IntegrationTestBase;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A consumer that dies after the database commit and before its offset commit leaves the group's committed
 * offsets behind records it already processed; the next member reads them again. This test makes that happen
 * for real: 200 customers' events are consumed and committed, the consumer is stopped, the group's offsets are set
 * back to before those records, and the consumer is started again, so every record is delivered a second time
 * while the reminders it caused are still on their timers. Intake's dedup on the CloudEvents id is what keeps
 * the second delivery from recording, routing or re-arming anything: one event row each, one flow instance
 * each, every email once at the SMTP server.
 */
class KafkaRedeliveryIT extends IntegrationTestBase {

	static final int CUSTOMERS = 200;
	static final String TOPIC = "shopflow.events";

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	MeterRegistry meters;

	@Test
	void recordsDeliveredAgainAfterTheDatabaseCommitChangeNothing() throws Exception {
		String prefix = "redeliver" + id().substring(0, 5) + "-";
		MessageListenerContainer consumer = listeners.getListenerContainer("shopflow-events");
		String group = consumer.getGroupId();
		try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()))) {
			Map<TopicPartition, Long> before = endOffsets(admin);

			List<String> ids = new ArrayList<>();
			var producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
					new StringSerializer(), new StringSerializer());
			KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
			for (int i = 0; i < CUSTOMERS; i++) {
				String customer = prefix + i;
				String registeredEvent = id();
				String cartEvent = id();
				ids.add(registeredEvent);
				ids.add(cartEvent);
				kafka.send(TOPIC, customer, registered(registeredEvent, customer, customer + "@example.com", "en", true));
				kafka.send(TOPIC, customer, cartUpdated(cartEvent, customer, "cart-" + customer, "Mug"));
			}
			kafka.flush();
			producers.destroy();
			Map<TopicPartition, Long> end = endOffsets(admin);
			assertThat(end.values().stream().mapToLong(Long::longValue).sum()
					- before.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * CUSTOMERS);

			// first delivery: processed, committed in the database, and the offsets committed after it
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(recorded(prefix)).isEqualTo(2L * CUSTOMERS);
				assertThat(committed(admin, group)).isEqualTo(end);
			});
			double received = received();
			long remindedBefore = count(emailsPerStep(prefix), "Task_SendFirstReminder");

			// the crash: offsets as a consumer leaves them when it dies before committing, then a new member
			consumer.stop();
			try {
				Map<TopicPartition, OffsetAndMetadata> rewind = before.entrySet().stream()
						.collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
				await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
						.until(() -> admin.alterConsumerGroupOffsets(group, rewind).all().get() == null);
				assertThat(committed(admin, group)).isEqualTo(before);
			}
			finally {
				consumer.start();
			}

			// second delivery: all 400 records read and committed again
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(committed(admin, group)).isEqualTo(end));
			assertThat(remindedBefore).as("the redelivery came while reminders were still due").isLessThan(CUSTOMERS);

			// every customer's welcome and first reminder, then room for a reminder a re-armed timer would send
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(count(emailsPerStep(prefix), "Task_SendWelcome")).isEqualTo(CUSTOMERS);
				assertThat(count(emailsPerStep(prefix), "Task_SendFirstReminder")).isEqualTo(CUSTOMERS);
			});
			Thread.sleep(5000);

			assertThat(received()).as("no event counted as new on its second delivery").isEqualTo(received);
			assertThat(jdbc.sql("select count(*) from shop_events where id in (:ids)").param("ids", ids)
					.query(Long.class).single()).isEqualTo(2L * CUSTOMERS);
			assertThat(jdbc.sql("select subject, count(*) from shop_events where subject like ? group by subject")
					.param(prefix + "%").query((rs, n) -> rs.getLong(2)).list())
					.hasSize(CUSTOMERS).containsOnly(2L);
			for (String flow : new String[] { "welcome", "abandoned-cart" }) {
				assertThat(instancesPerCustomer(prefix, flow)).as(flow + " instances").hasSize(CUSTOMERS)
						.containsOnly(1L);
			}
			Map<String, Long> emails = emailsPerStep(prefix);
			assertThat(emails).as("no email twice").allSatisfy((step, count) -> assertThat(count).as(step).isEqualTo(1));
			assertThat(count(emails, "Task_SendFirstReminder")).isEqualTo(CUSTOMERS);
			assertThat(count(emails, "Task_SendWelcome")).isEqualTo(CUSTOMERS);
			assertThat(jdbc.sql("""
					select count(*) from send_log where customer_id like ? and step = 'Task_SendFirstReminder'""")
					.param(prefix + "%").query(Long.class).single()).isEqualTo(CUSTOMERS);
			System.out.printf("KafkaRedeliveryIT: %d records delivered twice, %d of %d first reminders still due at the "
					+ "second delivery; %d emails, none twice%n", 2 * CUSTOMERS, CUSTOMERS - remindedBefore, CUSTOMERS,
					emails.size());
		}
	}

	private Map<TopicPartition, Long> endOffsets(AdminClient admin) throws Exception {
		var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
				.map(p -> new TopicPartition(TOPIC, p.partition()))
				.collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
		return admin.listOffsets(partitions).all().get().entrySet().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
	}

	private static Map<TopicPartition, Long> committed(AdminClient admin, String group) throws Exception {
		return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
				.filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
	}

	private long recorded(String prefix) {
		return jdbc.sql("select count(*) from shop_events where subject like ?").param(prefix + "%").query(Long.class)
				.single();
	}

	/** New events counted by intake, all types: a repeat is never counted. */
	private double received() {
		return meters.find("shopflow.events.received").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private List<Long> instancesPerCustomer(String prefix, String flow) {
		return jdbc.sql("""
				select count(*) from act_hi_procinst
				where proc_def_key_ = ? and business_key_ like ? group by business_key_""")
				.params(flow, prefix + "%").query(Long.class).list();
	}

	private static long count(Map<String, Long> emails, String step) {
		return emails.keySet().stream().filter(key -> key.endsWith(" " + step)).count();
	}
}
