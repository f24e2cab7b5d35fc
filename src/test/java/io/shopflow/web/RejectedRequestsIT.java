package io.shopflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.shopflow.IntegrationTestBase;

import org.junit.jupiter.api.Test;

/**
 * Paths Spring Security's firewall rejects, over real HTTP (MockMvc would not pass them through Tomcat): a 400
 * problem, where the unhandled RequestRejectedException was a 500.
 */
class RejectedRequestsIT extends IntegrationTestBase {

	@Test
	void aPathTheFirewallRejectsIsABadRequest() {
		for (String path : new String[] { "/engine-rest;/user", "/api/events;x", "/api//events" }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
					.header("Authorization", "Bearer " + TOKEN).GET().build());
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(path).contains("\"title\":\"Request rejected\"");
		}
		HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/events;x"))
				.header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/cloudevents-batch+json")
				.POST(HttpRequest.BodyPublishers.ofString("[]")).build());
		assertThat(posted.statusCode()).isEqualTo(400);
	}
}
