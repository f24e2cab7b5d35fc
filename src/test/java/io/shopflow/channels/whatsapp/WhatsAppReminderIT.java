package io.shopflow.channels.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.IntegrationTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * WhatsApp, the channel added behind the channel port: the cart's second reminder offers whatsapp,sms,email, so a
 * customer who said yes to WhatsApp gets it there, as Twilio's approved content template, at the stand-in Twilio.
 */
@TestPropertySource(properties = {
		"shopflow.whatsapp.enabled=true",
		"shopflow.whatsapp.from=+15005550006",
		"shopflow.whatsapp.content-sids[abandoned-cart/second-reminder/sv]=HX-it-cart-sv",
		"shopflow.whatsapp.content-sids[abandoned-cart/second-reminder/en]=HX-it-cart-en" })
@DirtiesContext
class WhatsAppReminderIT extends IntegrationTestBase {

	private static final String MESSAGES = "/2010-04-01/Accounts/AC-it/Messages.json";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		ownDatabase(registry, "whatsapp_reminder");
	}

	@Test
	void goesByWhatsAppToACustomerWhoConsentedToWhatsApp() throws Exception {
		String customer = customer();
		String phone = phoneOf(customer);
		postEvents(batch(registered(customer, phone, "\"whatsapp\":true,\"sms\":true"),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
				.withFormParam("To", equalTo("whatsapp:" + phone))
				.withFormParam("From", equalTo("whatsapp:+15005550006"))
				.withFormParam("ContentSid", equalTo("HX-it-cart-sv"))));
		String variables = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))
				.withFormParam("To", equalTo("whatsapp:" + phone))).get(0).formParameters().get("ContentVariables")
				.firstValue();
		Map<String, String> values = new ObjectMapper().readValue(variables,
				new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
				});
		assertThat(values).containsEntry("1", "Anna").containsEntry("2", "Our shop").containsKeys("3", "4");
		// the cart link went as a short tracked link, which leads to the cart
		Matcher link = Pattern.compile("http://localhost:8080(/t/s/\\w+)").matcher(values.get("4"));
		assertThat(link.matches()).as(variables).isTrue();
		assertThat(send(HttpRequest.newBuilder(uri(link.group(1))).build()).headers().firstValue("Location"))
				.contains("https://shop.example.com/cart/cart-" + customer + "/restore");
		twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo(phone)));
		assertThat(emailsTo(customer)).as("only the first reminder went by email").hasSize(1);
		assertThat(jdbc.sql("select channel from send_log where customer_id = ? and step = 'Task_SendSecondReminder'")
				.param(customer).query(String.class).single()).isEqualTo("whatsapp");
	}

	@Test
	void withoutWhatsAppConsentTheStepFallsBackToSms() {
		String customer = customer();
		String phone = phoneOf(customer);
		postEvents(batch(registered(customer, phone, "\"sms\":true"),
				cartUpdated(id(), customer, "cart-" + customer, "Mug")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
				.withFormParam("To", equalTo(phone))));
		twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo("whatsapp:" + phone)));
	}

	@Test
	void stopByWhatsAppReplyWithdrawsWhatsAppConsent() throws Exception {
		String customer = customer();
		String phone = phoneOf(customer);
		postEvents(registered(customer, phone, "\"whatsapp\":true"), "application/json", "Bearer " + TOKEN);
		assertThat(whatsAppConsent(customer)).isTrue();

		Map<String, String> stop = Map.of("MessageSid", "SM-wa-in-" + customer, "From", "whatsapp:" + phone,
				"Body", " Stop ");
		assertThat(twilioHook("/hooks/whatsapp/twilio/inbound", stop, "forged").statusCode()).isEqualTo(403);
		assertThat(whatsAppConsent(customer)).isTrue();
		var answer = twilioHook("/hooks/whatsapp/twilio/inbound", stop, twilioSignature("/hooks/whatsapp/twilio/inbound", stop));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(whatsAppConsent(customer)).isFalse();
		assertThat(jdbc.sql("select source from consent_changes where customer_id = ? and channel = 'whatsapp' and "
				+ "granted = false").param(customer).query(String.class).single()).isEqualTo("shopflow:whatsapp-stop");

		// the second reminder now goes by email
		postEvents(cartUpdated(id(), customer, "cart-" + customer, "Mug"));
		assertThat(awaitEmailsTo(customer, 2)).hasSize(2);
		twilio.verify(0, postRequestedFor(anyUrl()).withFormParam("To", equalTo("whatsapp:" + phone)));

		jdbc.sql("update send_log set message_id = ? where customer_id = ? and step = 'Task_SendSecondReminder'")
				.params("SM-wa-out-" + customer, customer).update();
		Map<String, String> report = Map.of("MessageSid", "SM-wa-out-" + customer, "MessageStatus", "read");
		assertThat(twilioHook("/hooks/whatsapp/twilio/status", report, twilioSignature("/hooks/whatsapp/twilio/status", report))
				.statusCode()).isEqualTo(204);
		assertThat(jdbc.sql("select delivery_status from send_log where message_id = ?")
				.param("SM-wa-out-" + customer).query(String.class).single()).isEqualTo("read");
	}

	private static String registered(String customer, String phone, String consents) {
		return event(id(), "shop.customer.registered", customer, """
				{"email":"%s@example.com","firstName":"Anna","locale":"sv-SE","phone":"%s",
				 "consent":{"email":true,%s}}""".formatted(customer, phone, consents));
	}

	private static String phoneOf(String customer) {
		return "+4670" + (1000000 + Math.abs(customer.hashCode() % 8999999));
	}

	private boolean whatsAppConsent(String customer) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = 'whatsapp'").param(customer)
				.query(Boolean.class).single();
	}

}
