package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The flows not covered by their own IT, end to end on PostgreSQL, Kafka-less REST intake and SMTP, with timers
 * 3600 times faster: win-back, replenishment, VIP, back in stock and birthday.
 */
class CatalogueIT extends IntegrationTestBase {

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void winBackMissesTheCustomerThenOffersACode() throws Exception {
		String customer = updated(customer());
		postEvents(order(customer, "p-mug", 1, ""));

		var emails = awaitEmailsTo(customer, "win-back", 2);
		assertThat(emails).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.containsExactly("Task_SendMissYou", "Task_SendIncentive");
		assertThat(Mime.part(emails.get(0), "text/plain")).contains("/survey/");
	}

	@Test
	void replenishmentRemindsBeforeTheProductRunsOutThenFollowsUp() throws Exception {
		String customer = updated(customer());
		String product = "p-beans-" + customer;
		// 8 h of beans (8 s here): the reminder 3 h before they run out, the follow-up 3 h later
		postEvents(order(customer, product, 1, ",\"consumptionInterval\":\"PT8H\""));

		var emails = awaitEmailsTo(customer, "replenishment", 2);
		assertThat(emails).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.containsExactly("Task_SendReminder", "Task_SendRunningLow");
		assertThat(Mime.part(emails.get(0), "text/plain"))
				.contains("https://shop.example.com/cart/add?product=" + product + "&quantity=1");
	}

	@Test
	void aBigFirstOrderReachesGoldAtOnce() throws Exception {
		String customer = updated(customer());
		postEvents(event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","items":[{"productId":"p-sofa","name":"Sofa","quantity":1,"price":1200}],
				 "total":1200,"currency":"EUR"}""".formatted(id())));

		assertThat(Mime.part(awaitEmailsTo(customer, "vip", 1).get(0), "text/plain")).contains("Gold");
	}

	@Test
	void aRestockedProductReachesWhoViewedIt() throws Exception {
		String customer = updated(customer());
		String product = "p-boots-" + customer;
		postEvents(event(id(), "shop.product.viewed", customer,
				"{\"productId\":\"%s\",\"name\":\"Rain boots\",\"price\":80,\"currency\":\"EUR\"}".formatted(product)));
		postEvents("""
				{"specversion":"1.0","id":"%s","source":"https://shop.example.com","type":"shop.product.restocked",
				 "data":{"productId":"%s"}}""".formatted(id(), product));

		assertThat(Mime.part(awaitEmailsTo(customer, "back-in-stock", 1).get(0), "text/plain")).contains("Rain boots");
	}

	@Test
	void aBirthdayGreetingGoesOutWhenItsDayComes() throws Exception {
		String customer = customer();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
		postEvents(event(id(), "shop.customer.updated", customer, """
				{"email":"%s@example.com","locale":"fi-FI","timeZone":"Europe/Helsinki","birthday":"1990-%s",
				 "consent":{"email":true}}""".formatted(customer, today.plusDays(3).toString().substring(5))));
		String instance = runtime.createProcessInstanceQuery().processDefinitionKey("birthday")
				.processInstanceBusinessKey(customer).singleResult().getId();
		Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
		assertThat(timer.getDuedate().toInstant())
				.isEqualTo(today.plusDays(3).atTime(9, 0).atZone(ZoneId.of("Europe/Helsinki")).toInstant());

		// a date timer is not sped up: bring its day forward, as an operator can in Cockpit
		management.setJobDuedate(timer.getId(), new Date());

		assertThat(Mime.part(awaitEmailsTo(customer, "birthday", 1).get(0), "text/plain"))
				.contains((String) runtime.getVariable(instance, "couponCode"));
	}

	private String updated(String customer) {
		postEvents(event(id(), "shop.customer.updated", customer,
				"{\"email\":\"%s@example.com\",\"locale\":\"en\",\"consent\":{\"email\":true}}".formatted(customer)));
		return customer;
	}

	private static String order(String customer, String product, int quantity, String extra) {
		return event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","items":[{"productId":"%s","name":"Coffee beans","quantity":%d,"price":12%s}],
				 "total":12,"currency":"EUR"}""".formatted(id(), product, quantity, extra));
	}
}
