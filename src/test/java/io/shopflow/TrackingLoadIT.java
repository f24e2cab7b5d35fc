package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Opens and clicks under load over real HTTP: 4,000 requests from 32 threads all answer at once (200 or 302),
 * and every one of them is in tracking_events afterwards.
 */
class TrackingLoadIT extends IntegrationTestBase {

	static final int REQUESTS = 4000;
	static final Pattern TRACKED = Pattern.compile("https?://[^/\\s\"]+(/t/[co]/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Test
	void everyOpenAndClickIsKeptUnderLoad() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Red Teapot")));
		String html = Mime.raw(awaitEmailsTo(customer, 1).get(0), "text/html");
		List<String> links = new ArrayList<>();
		Matcher matcher = TRACKED.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		assertThat(links).anyMatch(link -> link.startsWith("/t/o/")).anyMatch(link -> link.startsWith("/t/c/"));

		ExecutorService clientThreads = Executors.newFixedThreadPool(8);
		HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService users = Executors.newFixedThreadPool(32);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			String link = links.get(i % links.size());
			answers.add(users.submit(() -> {
				long start = System.nanoTime();
				int status = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link))
						.header("User-Agent", "Mozilla/5.0 Firefox/133.0").build(), HttpResponse.BodyHandlers.discarding())
						.statusCode();
				latencies.add(System.nanoTime() - start);
				return status;
			}));
		}
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isIn(200, 302);
		}
		users.shutdown();
		clientThreads.shutdown();

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from tracking_events t join send_log s on s.id = t.send_id where s.customer_id = ?""")
				.param(customer).query(Long.class).single() == REQUESTS);
		String click = links.stream().filter(link -> link.startsWith("/t/c/")).findFirst().orElseThrow();
		String forged = click.substring(0, click.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";
		assertThat(send(HttpRequest.newBuilder(uri(forged)).build()).statusCode()).as("a forged click token").isEqualTo(404);
		List<Long> sorted = latencies.stream().sorted().toList();
		System.out.printf("tracking load: %d requests, p50 %.1f ms, p99 %.1f ms%n", REQUESTS,
				sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6);
	}
}
