package io.shopflow.integrations;

import java.security.MessageDigest;
import java.util.Base64;

import io.shopflow.support.Hmac;

/** Both platforms sign the raw body: base64 of its HMAC-SHA256 under the shared secret. */
public final class ShopWebhook {

	private ShopWebhook() {
	}

	public static boolean signed(byte[] body, String signature, String secret) {
		if (signature == null || secret == null || secret.isBlank()) {
			return false;
		}
		byte[] presented;
		try {
			presented = Base64.getDecoder().decode(signature.trim());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		return MessageDigest.isEqual(hmac(body, secret), presented);
	}

	public static byte[] hmac(byte[] body, String secret) {
		return Hmac.sha256(secret, body);
	}
}
