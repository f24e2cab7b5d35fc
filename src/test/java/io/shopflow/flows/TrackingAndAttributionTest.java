package io.shopflow.flows;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.tracking.TrackingRecorder;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tracked links in a real cart reminder: the click redirect, the open pixel, forged and tampered tokens, and
 * last-touch attribution of the order (click 5 days, open 1 day, the flow's coupon whatever the time).
 */
class TrackingAndAttributionTest extends FlowProcessTest {

	private static final Pattern CLICK = Pattern.compile("http://localhost:8080(/t/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
	private static final Pattern OPEN = Pattern.compile("http://localhost:8080(/t/o/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	TrackingRecorder recorder;

	String cartId;
	ProcessInstance cart;

	@BeforeEach
	void aCartReminderWentOut() {
		send(registered(customer, customer + "@example.com", "en", true));
		cartId = "cart-" + customer;
		send(cartUpdated(id(), customer, cartId, "Red Teapot"));
		cart = runtimeService().createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).singleResult();
		passTime(Duration.ofHours(1));
		execute(job(cart));
		execute(job(cart));
	}

	@Test
	void everyLinkIsTrackedAndAClickRedirectsToItsTarget() throws Exception {
		String html = html();
		assertThat(html).doesNotContain("href=\"https://shop.example.com/cart/" + cartId + "/restore\"");
		String click = restoreClick(html);

		mvc.perform(get(click).header("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0"))
				.andExpect(status().isFound())
				.andExpect(header().string("Location", "https://shop.example.com/cart/" + cartId + "/restore"));
		mvc.perform(get(first(OPEN, html))).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/gif"));
		recorder.flush();

		assertThat(jdbc.sql("""
				select t.kind from tracking_events t join send_log s on s.id = t.send_id where s.customer_id = ?
				order by t.id""").param(customer).query(String.class).list()).containsExactly("click", "open");
		assertThat(html).as("the unsubscribe link is ours and goes direct").contains("http://localhost:8080/unsubscribe/");
	}

	@Test
	void aForgedOrTamperedTokenIsNotFoundNeverARedirect() throws Exception {
		String click = restoreClick(html());
		String token = click.substring("/t/c/".length());
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
		String evil = Base64.getUrlEncoder().withoutPadding().encodeToString(
				payload.replaceAll("https://.*", "https://evil.example.net/").getBytes(StandardCharsets.UTF_8));

		mvc.perform(get("/t/c/" + evil + token.substring(token.indexOf('.')))).andExpect(status().isNotFound());
		mvc.perform(get("/t/c/" + token.substring(0, token.length() - 2) + "AA")).andExpect(status().isNotFound());
		mvc.perform(get("/t/c/made-up.token")).andExpect(status().isNotFound());
		mvc.perform(get("/t/o/made-up.token")).andExpect(status().isNotFound());
		mvc.perform(get("/t/s/nope")).andExpect(status().isNotFound());
	}

	@Test
	void anOrderWithinFiveDaysOfAClickIsTheReminders() throws Exception {
		passTime(Duration.ofHours(2));
		mvc.perform(get(restoreClick(html())).header("User-Agent", "Mozilla/5.0 Firefox/133.0"))
				.andExpect(status().isFound());
		passTime(Duration.ofDays(4));
		String orderId = order(null);

		assertThat(attribution(orderId)).containsEntry("flow", "abandoned-cart")
				.containsEntry("step", "Task_SendFirstReminder").containsEntry("model", "click")
				.containsEntry("revenue", new BigDecimal("19.9000"));

		String stats = mvc.perform(get("/api/stats/flows/abandoned-cart").param("from", "2026-11-01")
				.param("to", "2026-12-31").header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var step = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats).path("steps").get(0);
		assertThat(step.path("step").asText()).isEqualTo("Task_SendFirstReminder");
		assertThat(step.path("sent").asLong()).isPositive();
		assertThat(step.path("clicked").asLong()).isPositive();
		assertThat(step.path("converted").asLong()).isPositive();
		assertThat(step.path("revenue").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("19.90"));
		assertThat(step.path("rates").path("clicked").asDouble()).isPositive();
	}

	@Test
	void aClickWithinTwoSecondsOfSendingIsAScannerAndCountsForNothing() throws Exception {
		mvc.perform(get(restoreClick(html()))).andExpect(status().isFound());
		recorder.flush();
		assertThat(jdbc.sql("select flag from tracking_events t join send_log s on s.id = t.send_id where s.customer_id = ?")
				.param(customer).query(String.class).single()).isEqualTo("prefetch");

		passTime(Duration.ofHours(1));
		assertThat(attribution(order(null))).isEmpty();
	}

	@Test
	void anOpenCountsForADayAndAppleMailPrivacyOpensNever() throws Exception {
		passTime(Duration.ofMinutes(10));
		String open = first(OPEN, html());
		mvc.perform(get(open).with(request -> {
			request.setRemoteAddr("17.58.101.4");
			return request;
		})).andExpect(status().isOk());
		passTime(Duration.ofHours(3));
		assertThat(attribution(order(null))).as("Apple's proxy opened it, not the customer").isEmpty();

		mvc.perform(get(open).header("User-Agent", "Mozilla/5.0 (iPhone) Mobile/15E148")).andExpect(status().isOk());
		passTime(Duration.ofHours(20));
		assertThat(attribution(order(null))).containsEntry("model", "open");
		passTime(Duration.ofHours(5));
		assertThat(attribution(order(null))).as("more than a day after the open").isEmpty();
	}

	@Test
	void theFlowsCouponWinsTheOrderWhateverTheTime() {
		passTime(Duration.ofDays(1));
		execute(job(cart));
		execute(job(cart));
		passTime(Duration.ofDays(2));
		execute(job(cart));
		execute(job(cart));
		String code = (String) org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
				.createHistoricVariableInstanceQuery().processInstanceId(cart.getId()).variableName("couponCode")
				.singleResult().getValue();
		passTime(Duration.ofDays(30));

		String orderId = order(code);
		assertThat(attribution(orderId)).containsEntry("step", "Task_SendThirdReminder").containsEntry("model", "coupon");
		assertThat(jdbc.sql("select redeemed_order_id from coupons where code = ?").param(code).query(String.class)
				.single()).isEqualTo(orderId);
	}

	private String order(String couponCode) {
		String orderId = "o-" + id();
		send(event(id(), "shop.order.placed", customer, """
				{"orderId":"%s","items":[{"productId":"p-1","quantity":2,"price":9.95}],"total":19.90,"currency":"EUR"%s}"""
				.formatted(orderId, couponCode == null ? "" : ",\"couponCode\":\"" + couponCode + "\""))
				.replace("\"time\":\"2026-11-24T10:00:00Z\",", ""));
		return orderId;
	}

	private Map<String, Object> attribution(String orderId) {
		return jdbc.sql("select flow, step, model, revenue from attributions where order_id = ?").param(orderId)
				.query().listOfRows().stream().findFirst().orElse(Map.of());
	}

	private String html() {
		return jdbc.sql("select html from outbox where recipient = ? and headers like '%abandoned-cart%' order by id")
				.param(customer + "@example.com").query(String.class).list().get(0);
	}

	/** The tracked link to the cart's restore page. */
	private static String restoreClick(String html) {
		Matcher matcher = CLICK.matcher(html);
		while (matcher.find()) {
			if (io.shopflow.Links.untracked(matcher.group()).endsWith("/restore")) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no tracked restore link in " + html);
	}

	private static String first(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("a tracked link in " + html).isTrue();
		return matcher.group(1);
	}
}
