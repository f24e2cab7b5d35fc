package io.shopflow.events.web;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.shopflow.IntegrationTestBase;

import org.junit.jupiter.api.Test;

/**
 * POST /api/events as real clients send it, over a real socket to PostgreSQL: the CloudEvents SDKs' binary mode,
 * bodies that are not JSON, and values the database cannot hold. None is answered 5xx.
 */
class EventsHttpIT extends IntegrationTestBase {

	@Test
	void binaryModeAsTheJavaScriptSdkSendsItIsProcessed() {
		String customer = customer();
		String id = id();

		// what HTTP.binary(new CloudEvent({...})) of the cloudevents npm package puts on the wire
		HttpResponse<String> response = send(binary(id, customer)
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"email":"%s@example.com","firstName":"Anna","locale":"en","consent":{"email":true}}"""
						.formatted(customer)))
				.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(response.body()).contains(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select email from customers where id = ?")
				.param(customer).query(String.class).optional().filter((customer + "@example.com")::equals).isPresent());
	}

	@Test
	void aMissingCeHeaderInBinaryModeIsNamed() {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/events"))
				.header("Authorization", "Bearer " + TOKEN)
				.header("Content-Type", "application/json")
				.header("ce-specversion", "1.0")
				.header("ce-source", "https://shop.example.com")
				.POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"p\"}"));

		HttpResponse<String> response = send(request.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("the ce-id header is required").contains("the ce-type header is required")
				.doesNotContain("ce-source header");
		HttpResponse<String> badSource = send(binary(id(), customer()).setHeader("ce-source", "not a uri")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build());
		assertThat(badSource.statusCode()).as(badSource.body()).isEqualTo(400);
		HttpResponse<String> notJson = send(binary(id(), customer()).POST(HttpRequest.BodyPublishers.ofString("<x/>"))
				.build());
		assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
	}

	@Test
	void aBodyThatIsNotJsonIsAClientError() {
		String multipart = "--b\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\n{}\r\n--b--\r\n";
		HttpResponse<String> form = postEvents(multipart, "multipart/form-data; boundary=b", "Bearer " + TOKEN);
		assertThat(form.statusCode()).as(form.body()).isEqualTo(415);
		assertThat(form.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> noBoundary = postEvents(multipart, "multipart/form-data", "Bearer " + TOKEN);
		assertThat(noBoundary.statusCode()).as(noBoundary.body()).isEqualTo(415);
		for (String type : new String[] { "application/x-www-form-urlencoded", "text/plain", "application/xml",
				"application/octet-stream" }) {
			assertThat(postEvents("a=b", type, "Bearer " + TOKEN).statusCode()).as(type).isEqualTo(415);
		}
		for (String body : new String[] { "{\"specversion\":", "", "nul", "{\"a\":1}{" }) {
			assertThat(postEvents(body, "application/json", "Bearer " + TOKEN).statusCode()).as(body).isEqualTo(400);
		}
	}

	@Test
	void numbersTheDatabaseCannotHoldAreNamedNotRetried() {
		String customer = customer();
		HttpResponse<String> total = postEvents(event(id(), "shop.cart.updated", customer, """
				{"cartId":"k-%s","items":[{"productId":"p","quantity":100000000000000000000}],"total":1e308,
				 "currency":"EUR"}""".formatted(customer)));
		assertThat(total.statusCode()).as(total.body()).isEqualTo(400);
		assertThat(total.headers().firstValue("Retry-After")).isEmpty();
		assertThat(total.body()).contains("#/data/total").contains("#/data/items/0/quantity");

		HttpResponse<String> huge = postEvents(event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","items":[{"productId":"p"}],"total":1e999999999,"currency":"EUR"}"""
				.formatted(customer)));
		assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
		assertThat(huge.body()).contains("#/data/total");
	}

	private HttpRequest.Builder binary(String id, String customer) {
		return HttpRequest.newBuilder(uri("/api/events"))
				.header("Authorization", "Bearer " + TOKEN)
				.header("Content-Type", "application/json")
				.header("ce-specversion", "1.0")
				.header("ce-id", id)
				.header("ce-type", "shop.customer.registered")
				.header("ce-source", "https://shop.example.com")
				.header("ce-subject", customer)
				.header("ce-time", "2026-11-24T10:00:00.000Z");
	}
}
