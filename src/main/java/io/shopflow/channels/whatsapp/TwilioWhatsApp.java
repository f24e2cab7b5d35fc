package io.shopflow.channels.whatsapp;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json with To and From as whatsapp:+E164, ContentSid and
 * ContentVariables (a JSON object of the template's numbered variables): Twilio's way of sending an approved
 * WhatsApp content template.
 */
class TwilioWhatsApp {

	static final String PREFIX = "whatsapp:";

	private final RestClient http;
	private final WhatsAppSettings settings;
	private final ObjectMapper json;

	TwilioWhatsApp(RestClient.Builder http, WhatsAppSettings settings, ObjectMapper json) {
		this.settings = settings;
		this.json = json;
		WhatsAppSettings.Twilio twilio = settings.twilio();
		var timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(twilio.connectTimeout() == null ? Duration.ofSeconds(5) : twilio.connectTimeout());
		timeouts.setReadTimeout(twilio.readTimeout() == null ? Duration.ofSeconds(10) : twilio.readTimeout());
		this.http = http.baseUrl(twilio.baseUrl())
				.requestFactory(timeouts)
				.defaultHeaders(headers -> headers.setBasicAuth(twilio.accountSid(), twilio.authToken()))
				.build();
	}

	/** @param to E.164 @return Twilio's message sid, which its delivery reports name */
	String send(String to, ContentTemplate content) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", PREFIX + to);
		form.add("From", PREFIX + settings.from());
		form.add("ContentSid", content.sid());
		form.add("ContentVariables", variables(content));
		if (StringUtils.hasText(settings.statusCallbackUrl())) {
			form.add("StatusCallback", settings.statusCallbackUrl());
		}
		try {
			Map<?, ?> answer = http.post()
					.uri("/2010-04-01/Accounts/{sid}/Messages.json", settings.twilio().accountSid())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form)
					.retrieve()
					.onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
						throw new WhatsAppRejected("Twilio refused the WhatsApp message ("
								+ response.getStatusCode().value() + "): " + new String(response.getBody().readAllBytes()));
					})
					.onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
						throw new WhatsAppNotAccepted("Twilio failed (" + response.getStatusCode().value() + ")", null);
					})
					.body(Map.class);
			return answer == null ? null : String.valueOf(answer.get("sid"));
		}
		catch (ResourceAccessException e) {
			throw new WhatsAppNotAccepted("Twilio unreachable: " + e.getMessage(), e);
		}
	}

	private String variables(ContentTemplate content) {
		try {
			return json.writeValueAsString(content.variables());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
