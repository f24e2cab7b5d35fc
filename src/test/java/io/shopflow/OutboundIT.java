package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Shopflow's own events through the transactional outbox to Kafka (shopflow.outbound) and to a signed webhook
 * whose receiver fails the first call: a customer's flow entered, coupon issued, message sent and flow exited
 * all arrive, each once per change, and the webhook's signatures verify.
 */
class OutboundIT extends IntegrationTestBase {

	@Autowired
	EmbeddedKafkaBroker broker;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aCustomersJourneyIsPublishedToKafkaAndTheWebhook() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Teapot")));
		awaitEmailsTo(customer, 1);
		postEvents(orderPlaced(customer, "cart-" + customer));

		List<JsonNode> published = new ArrayList<>();
		try (Consumer<String, String> consumer = consumer()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(record -> {
					if (customer.equals(record.key())) {
						published.add(read(record.value()));
					}
				});
				return types(published).containsAll(List.of("shopflow.flow.entered", "shopflow.coupon.issued",
						"shopflow.message.sent")) && published.stream().anyMatch(event -> "shopflow.flow.exited"
								.equals(event.path("type").asText())
								&& "abandoned-cart".equals(event.path("data").path("flow").asText()));
			});
		}
		assertThat(published).extracting(event -> event.path("id").asText()).doesNotHaveDuplicates();
		assertThat(published).filteredOn(event -> "shopflow.flow.exited".equals(event.path("type").asText()))
				.filteredOn(event -> "abandoned-cart".equals(event.path("data").path("flow").asText()))
				.singleElement().satisfies(exited -> {
					assertThat(exited.path("data").path("flow").asText()).isEqualTo("abandoned-cart");
					assertThat(exited.path("data").path("endedIn").asText()).isEqualTo("SubProcess_OrderPlaced");
				});
		assertThat(published).filteredOn(event -> "shopflow.message.sent".equals(event.path("type").asText()))
				.allSatisfy(sent -> assertThat(sent.path("specversion").asText()).isEqualTo("1.0"));

		await().atMost(Duration.ofSeconds(30)).until(() -> webhookCalls(customer).size() >= published.size());
		for (LoggedRequest call : webhookCalls(customer)) {
			String body = call.getBodyAsString();
			assertThat(call.getHeader("X-Shopflow-Signature")).isEqualTo("sha256=" + hmac(body));
			assertThat(call.getHeader("Content-Type")).isEqualTo("application/cloudevents+json");
		}
		assertThat(jdbc.sql("select count(*) from outbound_events where attempts > 0").query(Long.class).single())
				.as("the receiver's first failure was retried").isPositive();
	}

	private List<LoggedRequest> webhookCalls(String customer) {
		return twilio.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/shop/shopflow-events"))).stream()
				.filter(call -> call.getBodyAsString().contains("\"subject\":\"" + customer + "\""))
				.filter(call -> twilio.getAllServeEvents().stream().anyMatch(served -> served.getRequest().getId()
						.equals(call.getId()) && served.getResponse().getStatus() == 200))
				.toList();
	}

	private static List<String> types(List<JsonNode> events) {
		return events.stream().map(event -> event.path("type").asText()).toList();
	}

	private JsonNode read(String value) {
		try {
			return json.readTree(value);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private Consumer<String, String> consumer() {
		Map<String, Object> props = KafkaTestUtils.consumerProps("outbound-" + id(), "false", broker);
		props.put("auto.offset.reset", "earliest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of("shopflow.outbound"));
		return consumer;
	}

	private static String hmac(String body) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(OUTBOUND_SECRET.getBytes(), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}
}
