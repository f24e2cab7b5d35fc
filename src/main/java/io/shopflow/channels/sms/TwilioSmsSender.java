package io.shopflow.channels.sms;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded, Basic auth with sid and token:
 * the dialect of Twilio and of the providers that copy its API.
 */
@Component
@ConditionalOnExpression("!'${shopflow.sms.twilio.account-sid:}'.isEmpty()")
class TwilioSmsSender implements SmsSender {

	private final RestClient http;
	private final TwilioSettings settings;

	TwilioSmsSender(RestClient.Builder http, TwilioSettings settings) {
		this.settings = settings;
		var timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(settings.connectTimeout() == null ? Duration.ofSeconds(5) : settings.connectTimeout());
		timeouts.setReadTimeout(settings.readTimeout() == null ? Duration.ofSeconds(10) : settings.readTimeout());
		this.http = http.baseUrl(settings.baseUrl())
				.requestFactory(timeouts)
				.defaultHeaders(headers -> headers.setBasicAuth(settings.accountSid(), settings.authToken()))
				.build();
	}

	@Override
	public String send(Sms sms) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", sms.to());
		form.add("From", settings.from());
		form.add("Body", sms.text());
		if (StringUtils.hasText(settings.statusCallbackUrl())) {
			form.add("StatusCallback", settings.statusCallbackUrl());
		}
		try {
			Map<?, ?> answer = http.post()
					.uri("/2010-04-01/Accounts/{sid}/Messages.json", settings.accountSid())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form)
					.retrieve()
					.onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
						throw new SmsRejected("Twilio refused the SMS (" + response.getStatusCode().value() + "): "
								+ new String(response.getBody().readAllBytes()));
					})
					.onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
						throw new SmsNotAccepted("Twilio failed (" + response.getStatusCode().value() + ")", null);
					})
					.body(Map.class);
			return answer == null ? null : String.valueOf(answer.get("sid"));
		}
		catch (ResourceAccessException e) {
			throw new SmsNotAccepted("Twilio unreachable: " + e.getMessage(), e);
		}
	}
}
