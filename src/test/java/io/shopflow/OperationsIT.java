package io.shopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** Health on the real stack: SMTP, Kafka, the database and the job executor are each checked and up. */
class OperationsIT extends IntegrationTestBase {

	@Test
	void healthCoversSmtpKafkaTheDatabaseAndTheJobExecutor() throws Exception {
		var answer = send(HttpRequest.newBuilder(uri("/actuator/health")).header("Authorization", OPERATOR)
				.build());
		JsonNode components = new ObjectMapper().readTree(answer.body()).path("components");
		for (String check : new String[] { "mail", "kafka", "db", "jobBacklog" }) {
			assertThat(components.path(check).path("status").asText()).as(check + " in " + answer.body()).isEqualTo("UP");
		}
		assertThat(components.path("jobBacklog").path("details").path("active").asBoolean()).isTrue();
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).build()).body()).doesNotContain("kafka");
	}
}
