package io.shopflow.channels.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/** Twilio's Messages API dialect, against a real HTTP server. */
class TwilioSmsSenderTest {

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	TwilioSmsSender sender() {
		return new TwilioSmsSender(RestClient.builder(), new TwilioSettings(twilio.baseUrl(), "AC123", "secret",
				"Shop", "https://shopflow.example.com/hooks/sms/twilio/status", null, null));
	}

	@Test
	void postsAFormWithBasicAuthAndReturnsTheMessageSid() {
		twilio.stubFor(post("/2010-04-01/Accounts/AC123/Messages.json")
				.willReturn(okJson("{\"sid\":\"SM42\",\"status\":\"queued\"}").withStatus(201)));

		assertThat(sender().send(new Sms("+46701234567", "Hej & välkommen"))).isEqualTo("SM42");

		twilio.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
				.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("AC123", "secret"))
				.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
				.withFormParam("To", equalTo("+46701234567"))
				.withFormParam("From", equalTo("Shop"))
				.withFormParam("Body", equalTo("Hej & välkommen"))
				.withFormParam("StatusCallback", equalTo("https://shopflow.example.com/hooks/sms/twilio/status")));
	}

	@Test
	void aBadRecipientIsRejectedForGoodAndAnOutageIsWorthARetry() {
		twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("+15005550001"))
				.willReturn(jsonResponse("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}", 400)));
		twilio.stubFor(post(anyUrl()).withFormParam("To", equalTo("+46701234567")).willReturn(serverError()));

		assertThatThrownBy(() -> sender().send(new Sms("+15005550001", "x"))).isInstanceOf(SmsRejected.class)
				.hasMessageContaining("21211");
		assertThatThrownBy(() -> sender().send(new Sms("+46701234567", "x"))).isInstanceOf(SmsNotAccepted.class);
	}
}
