package io.shopflow.channels.push;

import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import io.shopflow.support.InsertIfAbsent;

import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The VAPID key pair (RFC 8292) that identifies this Shopflow to push services: shopflow.push.vapid.*, or a pair
 * generated on first start and kept in the database, so the public key the shop's service worker subscribed
 * with stays valid. Both base64url, the public key as an uncompressed P-256 point.
 */
@Component
class VapidKeys {

	static {
		if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}

	private final String publicKey;
	private final String privateKey;
	private final String subject;

	VapidKeys(PushSettings settings, JdbcClient jdbc, InsertIfAbsent inserts) throws Exception {
		this.subject = settings.subject();
		if (StringUtils.hasText(settings.publicKey()) && StringUtils.hasText(settings.privateKey())) {
			this.publicKey = settings.publicKey();
			this.privateKey = settings.privateKey();
			return;
		}
		String[] generated = generate();
		inserts.insert("insert into secrets (name, secret, created_at) values (?, ?, ?)", "name", "vapid",
				generated[0] + " " + generated[1], Timestamp.from(Instant.now()));
		String[] stored = jdbc.sql("select secret from secrets where name = 'vapid'").query(String.class).single()
				.split(" ");
		this.publicKey = stored[0];
		this.privateKey = stored[1];
	}

	String publicKey() {
		return publicKey;
	}

	String privateKey() {
		return privateKey;
	}

	String subject() {
		return subject;
	}

	static String[] generate() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
		generator.initialize(new ECGenParameterSpec("prime256v1"));
		var pair = generator.generateKeyPair();
		byte[] point = ((ECPublicKey) pair.getPublic()).getQ().getEncoded(false);
		byte[] secret = ((ECPrivateKey) pair.getPrivate()).getD().toByteArray();
		if (secret.length > 32) {
			secret = Arrays.copyOfRange(secret, secret.length - 32, secret.length);
		}
		else if (secret.length < 32) {
			byte[] padded = new byte[32];
			System.arraycopy(secret, 0, padded, 32 - secret.length, secret.length);
			secret = padded;
		}
		var encoder = Base64.getUrlEncoder().withoutPadding();
		return new String[] { encoder.encodeToString(point), encoder.encodeToString(secret) };
	}
}
