package io.shopflow;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The second cart reminder offers "sms,email": SMS where the customer said yes to SMS, email otherwise. */
class SmsReminderIT extends IntegrationTestBase {

	@org.springframework.beans.factory.annotation.Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void goesBySmsToACustomerWhoConsentedToSms() {
		String customer = customer();
		String phone = "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
		postEvents(batch(registeredWithPhone(customer, phone, true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> twilio.verify(1,
				postRequestedFor(urlPathMatching("/2010-04-01/Accounts/AC-it/Messages.json"))
						.withFormParam("To", equalTo(phone))
						.withFormParam("Body", containing("http://localhost:8080/t/s/"))
						.withFormParam("Body", containing("Svara STOPP"))));
		// the cart link went as a short tracked link, which leads to the cart
		String body = twilio.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/AC-it/Messages.json"))
				.withFormParam("To", equalTo(phone))).get(0).formParameters().get("Body").firstValue();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080(/t/s/\\w+)").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		assertThat(send(java.net.http.HttpRequest.newBuilder(uri(link.group(1))).build()).headers()
				.firstValue("Location")).contains("https://shop.example.com/cart/cart-" + customer + "/restore");
		assertThat(emailsTo(customer)).as("only the first reminder went by email").hasSize(1);
		assertThat(jdbc.sql("select channel from send_log where customer_id = ? and step = 'Task_SendSecondReminder'")
				.param(customer).query(String.class).single()).isEqualTo("sms");
	}

	@Test
	void stopByInboundSmsEndsSmsSendsAndDeliveryReportsAreRecorded() throws Exception {
		String customer = customer();
		String phone = "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
		postEvents(registeredWithPhone(customer, phone, true), "application/json", "Bearer " + TOKEN);
		assertThat(smsConsent(customer)).isTrue();

		Map<String, String> stop = Map.of("MessageSid", "SM-in-" + customer, "From", phone, "Body", " stopp ");
		assertThat(twilioHook("/hooks/sms/twilio/inbound", stop, "forged").statusCode()).isEqualTo(403);
		assertThat(smsConsent(customer)).isTrue();
		var answer = twilioHook("/hooks/sms/twilio/inbound", stop, twilioSignature("/hooks/sms/twilio/inbound", stop));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("<Response/>");
		assertThat(smsConsent(customer)).isFalse();
		assertThat(jdbc.sql("select source from consent_changes where customer_id = ? and channel = 'sms' and "
				+ "granted = false").param(customer).query(String.class).single()).isEqualTo("shopflow:sms-stop");

		// the second reminder now goes by email
		postEvents(cartUpdated(id(), customer, "cart-" + customer, "Mug"));
		assertThat(awaitEmailsTo(customer, 2)).hasSize(2);
		twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo(phone)));

		jdbc.sql("update send_log set message_id = ? where customer_id = ? and step = 'Task_SendSecondReminder'")
				.params("SM-out-" + customer, customer).update();
		Map<String, String> report = Map.of("MessageSid", "SM-out-" + customer, "MessageStatus", "delivered");
		assertThat(twilioHook("/hooks/sms/twilio/status", report, twilioSignature("/hooks/sms/twilio/status", report))
				.statusCode()).isEqualTo(204);
		assertThat(jdbc.sql("select delivery_status from send_log where message_id = ?").param("SM-out-" + customer)
				.query(String.class).single()).isEqualTo("delivered");
	}

	private boolean smsConsent(String customer) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = 'sms'").param(customer)
				.query(Boolean.class).single();
	}

	@Test
	void anSmsProviderThatTakesTheMessageButNeverAnswersIsNotSentASecondTime() {
		String customer = customer();
		String phone = "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
		twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
				.withFormParam("To", equalTo(phone))
				.willReturn(okJson("{\"sid\":\"SM-late\"}").withFixedDelay(2500)));
		postEvents(batch(registeredWithPhone(customer, phone, true),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));
		String instance = runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey(customer).singleResult().getId();

		await().atMost(Duration.ofSeconds(40)).until(() -> runtime.createIncidentQuery().processInstanceId(instance)
				.count() == 1);

		assertThat(runtime.createIncidentQuery().processInstanceId(instance).singleResult().getIncidentMessage())
				.contains("may have gone out");
		twilio.verify(1, postRequestedFor(anyUrl()).withFormParam("To", equalTo(phone)));
		assertThat(jdbc.sql("select status from send_log where customer_id = ? and step = 'Task_SendSecondReminder'")
				.param(customer).query(String.class).single()).isEqualTo("SENDING");
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
