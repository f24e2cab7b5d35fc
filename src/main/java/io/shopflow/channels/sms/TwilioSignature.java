package io.shopflow.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Twilio's request signature: Base64(HMAC-SHA1(auth token, full URL + every POST parameter's name and value,
 * sorted by name)), sent as X-Twilio-Signature. Only requests Twilio signed are believed.
 */
@Component
public class TwilioSignature {

	private final byte[] authToken;

	TwilioSignature(TwilioSettings settings) {
		this.authToken = settings.authToken() == null ? new byte[0] : settings.authToken().getBytes(StandardCharsets.UTF_8);
	}

	public boolean isValid(String url, Map<String, String> parameters, String signature) {
		if (authToken.length == 0 || signature == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(url, parameters).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	String sign(String url, Map<String, String> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
