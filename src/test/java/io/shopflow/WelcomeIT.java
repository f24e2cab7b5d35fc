package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The welcome series end to end: SMTP, PostgreSQL, timers sped up (the story and club come 3 s apart here). */
class WelcomeIT extends IntegrationTestBase {

	@Test
	void aNewCustomerGetsTheWholeSeriesWithAFirstOrderCoupon() throws Exception {
		String customer = customer();
		postEvents(registered(customer, customer + "@example.com", "en", true), "application/cloudevents+json",
				"Bearer " + TOKEN);

		var series = awaitEmailsTo(customer, "welcome", 3);

		assertThat(series).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.containsExactly("Task_SendWelcome", "Task_SendStory", "Task_SendClub");
		String code = jdbc.sql("select code from coupons where customer_id = ? and flow = 'welcome'").param(customer)
				.query(String.class).single();
		assertThat(Mime.part(series.get(0), "text/plain")).contains(code);
	}

	@Test
	void aFirstOrderEndsTheSeries() throws Exception {
		String customer = customer();
		postEvents(registered(customer, customer + "@example.com", "en", true), "application/json", "Bearer " + TOKEN);
		MimeMessage welcome = awaitEmailsTo(customer, "welcome", 1).get(0);
		assertThat(welcome.getHeader("List-Unsubscribe")).isNotEmpty();

		postEvents(orderPlaced(customer, "cart-1"));
		Thread.sleep(7000); // past the (sped-up) story and club

		assertThat(emailsTo(customer, "welcome")).hasSize(1);
	}
}
