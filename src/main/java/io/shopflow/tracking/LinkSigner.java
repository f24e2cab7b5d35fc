package io.shopflow.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs what a link carries (HMAC-SHA256, truncated to 128 bits), so a recipient cannot unsubscribe someone
 * else or turn a link into an open redirect. The purpose is signed too: a token for one use is void for another.
 */
@Component
public class LinkSigner {

	/** Purpose of survey answer links: payload "customer id \n flow". */
	public static final String SURVEY = "survey";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
	private static final int MAC_BYTES = 16;

	private final byte[] key;

	LinkSigner(LinkSecret secret) {
		this.key = secret.value().getBytes(StandardCharsets.UTF_8);
	}

	public String sign(String purpose, String payload) {
		byte[] data = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac(purpose, data));
	}

	/** The payload of a genuine token for this purpose; empty for anything else. */
	public Optional<String> verify(String purpose, String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			byte[] data = DECODER.decode(token.substring(0, dot));
			byte[] presented = DECODER.decode(token.substring(dot + 1));
			return MessageDigest.isEqual(mac(purpose, data), presented)
					? Optional.of(new String(data, StandardCharsets.UTF_8))
					: Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * A keyed hash (full HMAC-SHA256, hex) of text under the link key, for remembering a value without keeping it.
	 * The purpose keeps it apart from every token this signer issues.
	 */
	public String keyedHash(String purpose, String text) {
		return HexFormat.of().formatHex(fullMac(purpose, text.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] mac(String purpose, byte[] data) {
		return Arrays.copyOf(fullMac(purpose, data), MAC_BYTES);
	}

	private byte[] fullMac(String purpose, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
