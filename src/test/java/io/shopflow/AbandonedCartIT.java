package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The abandoned-cart slice end to end over REST: PostgreSQL, real SMTP, the job executor firing timers. */
class AbandonedCartIT extends IntegrationTestBase {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Test
	void aCartEventLeadsToOneReminderWithTheRightHeadersAndItems() throws Exception {
		String customer = customer();
		HttpResponse<String> response = postEvents(batch(
				registered(customer, customer + "@example.com", "sv-SE", true),
				cartUpdated("cart-event-" + customer, customer, "cart-" + customer, "Blue <Mug>")));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).contains("cart-event-" + customer);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);

		MimeMessage email = awaitEmailsTo(customer, 1).get(0);
		assertThat(email.getAllRecipients()[0].toString()).isEqualTo(customer + "@example.com");
		assertThat(email.getHeader("X-Shopflow-Flow")).containsExactly("abandoned-cart");
		assertThat(email.getHeader("X-Shopflow-Step")).containsExactly("Task_SendFirstReminder");
		assertThat(email.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:8080/unsubscribe/[^>]+>");
		assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(email.getSubject()).contains("varukorg");
		assertThat(Mime.part(email, "text/html")).contains("Blue &lt;Mug&gt;").doesNotContain("Blue <Mug>")
				.contains("https://shop.example.com/cart/cart-" + customer + "/restore");
		assertThat(Mime.part(email, "text/plain")).contains("2 × Blue <Mug>")
				.contains("https://shop.example.com/cart/cart-" + customer + "/restore");
		// the SENT mark commits after the SMTP server has the email, so it may trail the email by a moment
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"select status from send_log where customer_id = ? and flow = 'abandoned-cart'").param(customer)
				.query(String.class).list()).containsExactly("SENT"));
	}

	@Test
	void anOrderBeforeTheDelayMeansNoEmail() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));
		assertThat(postEvents(orderPlaced(customer, "cart-" + customer)).statusCode()).isEqualTo(202);

		assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Ordered")
				.processInstanceId(instanceOf(customer)).count()).isEqualTo(1);
		Thread.sleep(4500); // past the (sped-up) first reminder
		assertThat(emailsTo(customer)).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).count()).isZero();
	}

	/** The history level (application.yaml) keeps what Cockpit's and our own views read. */
	@Test
	void theHistoryKeptServesCockpitAndTheCustomersTimeline() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));
		assertThat(postEvents(orderPlaced(customer, "cart-" + customer)).statusCode()).isEqualTo(202);
		String instance = instanceOf(customer);
		String basic = OPERATOR;

		// what Cockpit shows of an ended instance: the instance, where it went, and its variables
		assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/history/process-instance/" + instance))
				.header("Authorization", basic).GET().build()).body()).contains("\"state\":\"COMPLETED\"");
		assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/history/activity-instance?processInstanceId=" + instance))
				.header("Authorization", basic).GET().build()).body()).contains("\"activityId\":\"EndEvent_Ordered\"");
		assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/history/variable-instance?processInstanceId=" + instance))
				.header("Authorization", basic).GET().build()).body()).contains("\"name\":\"cartId\"");
		// and the customer's timeline names the flow entered and left
		HttpResponse<String> timeline = send(HttpRequest.newBuilder(uri("/api/customers/" + customer + "/timeline"))
				.header("Authorization", "Bearer " + TOKEN).GET().build());
		assertThat(timeline.statusCode()).isEqualTo(200);
		assertThat(timeline.body()).contains("abandoned-cart").contains("flow-entered").contains("flow-exited");
	}

	@Test
	void aRepeatedEventIdIsAcceptedButProcessedOnce() throws Exception {
		String customer = customer();
		postEvents(registered(customer, customer + "@example.com", "en", true), "application/cloudevents+json",
				"Bearer " + TOKEN);
		String cart = cartUpdated("repeated-" + customer, customer, "cart-" + customer, "Mug");

		assertThat(postEvents(cart).statusCode()).isEqualTo(202);
		assertThat(postEvents(cart).statusCode()).isEqualTo(202);

		awaitEmailsTo(customer, 1);
		Thread.sleep(1500);
		assertThat(emailsTo(customer)).hasSize(1);
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);
	}

	@Test
	void concurrentCopiesOfACartEventStartOneInstance() throws Exception {
		String customer = customer();
		postEvents(registered(customer, customer + "@example.com", "en", true), "application/json", "Bearer " + TOKEN);
		String sameId = cartUpdated("copy-" + customer, customer, "cart-" + customer, "Mug");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// half are copies of one event, half are distinct events for the same cart
			String body = i % 2 == 0 ? sameId : cartUpdated(id(), customer, "cart-" + customer, "Mug");
			answers.add(pool.submit(() -> {
				start.await();
				return postEvents(body).statusCode();
			}));
		}
		start.countDown();
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(202);
		}
		pool.shutdown();

		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).count()).isEqualTo(1);
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("abandoned-cart").list())
				.allSatisfy(instance -> assertThat(instance.getBusinessKey()).isNotNull());
		awaitEmailsTo(customer, 1);
		Thread.sleep(1500);
		assertThat(emailsTo(customer)).hasSize(1);
	}

	@Test
	void badInputGetsAProblemNamingTheFieldAndNothingIsApplied() {
		String customer = customer();
		String goodId = id();

		HttpResponse<String> malformed = postEvents("{\"specversion\": ", "application/cloudevents+json",
				"Bearer " + TOKEN);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> missingField = postEvents(batch(
				cartUpdated(goodId, customer, "cart-" + customer, "Mug"),
				event(id(), "shop.cart.updated", customer, "{\"items\":[],\"total\":1,\"currency\":\"EUR\"}")));
		assertThat(missingField.statusCode()).isEqualTo(400);
		assertThat(missingField.body()).contains("\"pointer\":\"#/1/data/cartId\"").contains("is required");
		assertThat(jdbc.sql("select count(*) from shop_events where id = ?").param(goodId).query(Long.class).single())
				.as("nothing of a rejected batch is applied").isZero();

		HttpResponse<String> wrongToken = postEvents(cartUpdated(id(), customer, "c", "Mug"),
				"application/cloudevents+json", "Bearer wrong");
		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(wrongToken.body()).contains("\"status\":401");
		assertThat(postEvents(cartUpdated(id(), customer, "c", "Mug"), "application/json", null).statusCode())
				.isEqualTo(401);

		String unknownId = id();
		HttpResponse<String> unknown = postEvents(event(unknownId, "shop.wishlist.shared", customer, "{\"x\":1}"));
		assertThat(unknown.statusCode()).isEqualTo(202);
		assertThat(jdbc.sql("select type from shop_events where id = ?").param(unknownId).query(String.class).single())
				.isEqualTo("shop.wishlist.shared");

		HttpResponse<String> wrongType = postEvents("{}", "text/plain", "Bearer " + TOKEN);
		assertThat(wrongType.statusCode()).isEqualTo(415);
	}

	@Test
	void anSmtpOutageIsRetriedAndTheReminderGoesOutExactlyOnce() throws Exception {
		String customer = customer();
		smtp.stop();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
				.sql("select count(*) from send_log where customer_id = ? and flow = 'abandoned-cart' and status = 'FAILED' "
						+ "and attempts >= 1")
				.param(customer).query(Long.class).single() == 1);
		smtp.start();

		awaitEmailsTo(customer, 1);
		Thread.sleep(2500); // room for a wrong second delivery
		assertThat(emailsTo(customer)).hasSize(1);
		assertThat(jdbc.sql("select status from send_log where customer_id = ? and flow = 'abandoned-cart'").param(customer)
				.query(String.class).single()).isEqualTo("SENT");
	}

	@Test
	void aSendThatKeepsFailingBecomesAnIncidentAndARetryByTheOperatorSendsItOnce() throws Exception {
		String customer = customer();
		smtp.stop();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));
		String instance = instanceOf(customer);

		await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery().processInstanceId(instance)
				.count() == 1);
		var incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("Task_SendFirstReminder");
		assertThat(incident.getIncidentMessage()).contains("SMTP");

		smtp.start();
		management.setJobRetries(incident.getConfiguration(), 1); // what "Retry" in Cockpit does

		awaitEmailsTo(customer, 1);
		Thread.sleep(1500);
		assertThat(emailsTo(customer)).hasSize(1);
		assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void theSignedUnsubscribeLinkWithdrawsConsentAndEndsTheFlow() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));
		String header = awaitEmailsTo(customer, 1).get(0).getHeader("List-Unsubscribe")[0];
		String path = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);

		assertThat(send(HttpRequest.newBuilder(uri(path)).GET().build()).body()).contains("<form method=\"post\"");
		assertThat(consent(customer)).as("GET alone changes nothing").isTrue();
		assertThat(send(HttpRequest.newBuilder(uri(path + "x")).POST(HttpRequest.BodyPublishers.noBody()).build())
				.statusCode()).isEqualTo(404);

		HttpResponse<String> oneClick = send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(consent(customer)).isFalse();
		assertThat(jdbc.sql("select source from consent_changes where customer_id = ? and channel = 'email' and granted = false")
				.param(customer).query(String.class).single()).isEqualTo("shopflow:unsubscribe-link");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
		assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Unsubscribed")
				.processInstanceId(instanceOf(customer)).count()).isEqualTo(1);
	}

	@Test
	void engineRestNeedsACamundaUserNotTheApiToken() {
		assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/process-definition")).GET().build()).statusCode())
				.isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(uri("/engine-rest/process-definition"))
				.header("Authorization", basic("integrator", TOKEN)).GET().build()).statusCode()).isEqualTo(401);
		HttpResponse<String> definitions = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition"))
				.header("Authorization", MARKETER).GET().build());
		assertThat(definitions.statusCode()).isEqualTo(200);
		assertThat(definitions.body()).contains("\"key\":\"abandoned-cart\"");
	}

	private boolean consent(String customer) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = 'email'").param(customer)
				.query(Boolean.class).single();
	}

	private String instanceOf(String customer) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).singleResult().getId();
	}
}
