package io.shopflow;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The second cart reminder offers "sms,email": SMS where the customer said yes to SMS, email otherwise. */
class SmsReminderIT extends IntegrationTestBase {

	@Test
	void goesBySmsToACustomerWhoConsentedToSms() {
		String customer = customer();
		String phone = "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
		postEvents(batch(registeredWithPhone(customer, phone, true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> twilio.verify(1,
				postRequestedFor(urlPathMatching("/2010-04-01/Accounts/AC-it/Messages.json"))
						.withFormParam("To", equalTo(phone))
						.withFormParam("Body", containing("https://shop.example.com/cart/cart-" + customer + "/restore"))
						.withFormParam("Body", containing("Svara STOPP"))));
		assertThat(emailsTo(customer)).as("only the first reminder went by email").hasSize(1);
		assertThat(jdbc.sql("select channel from send_log where customer_id = ? and step = 'Task_SendSecondReminder'")
				.param(customer).query(String.class).single()).isEqualTo("sms");
	}

	@Test
	void goesByEmailWithoutSmsConsent() {
		String customer = customer();
		String phone = "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
		postEvents(batch(registeredWithPhone(customer, phone, false),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		assertThat(awaitEmailsTo(customer, 2)).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.containsExactly("Task_SendFirstReminder", "Task_SendSecondReminder");
		twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo(phone)));
	}
}
