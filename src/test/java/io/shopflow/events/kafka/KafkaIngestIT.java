package io.shopflow.events.kafka;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopflow.IntegrationTestBase;
import io.shopflow.Mime;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Shop events over a real (embedded, KRaft) Kafka broker: both CloudEvents modes, and the dead-letter topic. */
class KafkaIngestIT extends IntegrationTestBase {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void aStructuredCartEventOnTheTopicLeadsToAReminder() throws Exception {
		String customer = customer();
		kafka().send("shopflow.events", customer, registered(customer, customer + "@example.com", "en", true)).get();
		kafka().send("shopflow.events", customer, cartUpdated(id(), customer, "cart-" + customer, "Kafka Mug")).get();

		var email = awaitEmailsTo(customer, 1).get(0);
		assertThat(email.getHeader("X-Shopflow-Flow")).containsExactly("abandoned-cart");
		assertThat(Mime.part(email, "text/plain")).contains("Kafka Mug");
	}

	@Test
	void binaryModeIsAcceptedToo() throws Exception {
		String customer = customer();
		String eventId = id();
		var record = new ProducerRecord<String, String>("shopflow.events", customer,
				"{\"email\":\"" + customer + "@example.com\",\"consent\":{\"email\":true}}");
		record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId))
				.add("ce_source", bytes("https://shop.example.com")).add("ce_type", bytes("shop.customer.registered"))
				.add("ce_subject", bytes(customer)).add("content-type", bytes("application/json"));
		kafka().send(record).get();

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select email from customers where id = ?")
				.param(customer).query(String.class).optional().filter((customer + "@example.com")::equals).isPresent());
		assertThat(jdbc.sql("select count(*) from shop_events where id = ?").param(eventId).query(Long.class).single())
				.isEqualTo(1);
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordsStillFlow() throws Exception {
		String customer = customer();
		try (Consumer<String, String> deadLetters = deadLetterConsumer()) {
			kafka().send("shopflow.events", customer, "this is not json").get();
			kafka().send("shopflow.events", customer,
					event(id(), "shop.cart.updated", customer, "{\"cartId\":\"x\"}")).get();
			kafka().send("shopflow.events", customer, registered(customer, customer + "@example.com", "en", true)).get();

			List<ConsumerRecord<String, String>> poison = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				deadLetters.poll(Duration.ofMillis(500)).forEach(record -> {
					if (customer.equals(record.key())) {
						poison.add(record);
					}
				});
				return poison.size() >= 2;
			});
			assertThat(poison).extracting(ConsumerRecord::value)
					.contains("this is not json")
					.anySatisfy(value -> assertThat(value).contains("\"cartId\":\"x\""));
			assertThat(poison.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from customers where email = ?")
					.param(customer + "@example.com").query(Long.class).single() == 1);
		}
	}

	private KafkaTemplate<String, String> kafka() {
		Map<String, Object> props = KafkaTestUtils.producerProps(broker);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new StringSerializer()));
	}

	private Consumer<String, String> deadLetterConsumer() {
		Map<String, Object> props = KafkaTestUtils.consumerProps("dlt-" + id(), "false", broker);
		props.put("auto.offset.reset", "earliest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of("shopflow.events.dlt"));
		return consumer;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
