package io.shopflow.channels.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.shopflow.messaging.DeliveryFailure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/** Twilio's WhatsApp dialect of the Messages API (content templates), against a real HTTP server. */
class TwilioWhatsAppTest {

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	WhatsAppSettings settings = new WhatsAppSettings(true, "+15005550006",
			"https://shopflow.example.com/hooks/whatsapp/twilio/status",
			Map.of("abandoned-cart/second-reminder/en", "HX-en", "abandoned-cart/second-reminder/sv-FI", "HX-sv-fi"),
			null, new WhatsAppSettings.Twilio(twilio.baseUrl(), "AC123", "secret", null, null));

	TwilioWhatsApp sender() {
		return new TwilioWhatsApp(RestClient.builder(), settings, new ObjectMapper());
	}

	@Test
	void sendsTheContentTemplateWithItsVariablesBetweenWhatsAppAddresses() {
		twilio.stubFor(post("/2010-04-01/Accounts/AC123/Messages.json")
				.willReturn(okJson("{\"sid\":\"SM42\",\"status\":\"queued\"}").withStatus(201)));

		ContentTemplate content = ContentTemplate.of("HX-en", "1=Anna\n\n2=\n3 = Our \"shop\"\nnot a variable");
		assertThat(sender().send("+46701234567", content)).isEqualTo("SM42");

		twilio.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
				.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("AC123", "secret"))
				.withFormParam("To", equalTo("whatsapp:+46701234567"))
				.withFormParam("From", equalTo("whatsapp:+15005550006"))
				.withFormParam("ContentSid", equalTo("HX-en"))
				.withFormParam("ContentVariables", equalToJson("{\"1\":\"Anna\",\"2\":\"\",\"3\":\"Our \\\"shop\\\"\"}"))
				.withFormParam("StatusCallback", equalTo("https://shopflow.example.com/hooks/whatsapp/twilio/status")));
	}

	@Test
	void aRefusedMessageIsRejectedForGoodAndAnOutageIsWorthARetry() {
		twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("whatsapp:+15005550001"))
				.willReturn(jsonResponse("{\"code\":63016,\"message\":\"outside the allowed window\"}", 400)));
		twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("whatsapp:+46701234567")).willReturn(serverError()));
		ContentTemplate content = ContentTemplate.of("HX-en", "1=x");

		assertThatThrownBy(() -> sender().send("+15005550001", content)).isInstanceOf(WhatsAppRejected.class)
				.hasMessageContaining("63016")
				.satisfies(e -> assertThat(classify((RuntimeException) e)).isEqualTo(DeliveryFailure.RECIPIENT_REJECTED));
		assertThatThrownBy(() -> sender().send("+46701234567", content)).isInstanceOf(WhatsAppNotAccepted.class)
				.satisfies(e -> assertThat(classify((RuntimeException) e)).isEqualTo(DeliveryFailure.NOT_SENT));
	}

	@Test
	void theContentTemplateFollowsTheCustomersLanguageDownToTheDefault() {
		ContentSids sids = new ContentSids(settings);

		assertThat(sids.of("abandoned-cart", "second-reminder", Locale.forLanguageTag("sv-FI"))).contains("HX-sv-fi");
		assertThat(sids.of("abandoned-cart", "second-reminder", Locale.forLanguageTag("sv-SE"))).contains("HX-en");
		assertThat(sids.of("abandoned-cart", "second-reminder", null)).contains("HX-en");
		assertThat(sids.of("abandoned-cart", "first-reminder", Locale.ENGLISH)).isEmpty();
	}

	private DeliveryFailure classify(RuntimeException failure) {
		return new WhatsAppChannel(settings, RestClient.builder(), new ObjectMapper(), null, null).classify(failure);
	}
}
