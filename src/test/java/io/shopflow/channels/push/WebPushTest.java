package io.shopflow.channels.push;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.shopflow.EngineTest;
import io.shopflow.events.Channel;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.messaging.Messaging;
import io.shopflow.messaging.SendOutcome;
import io.shopflow.messaging.SendRequest;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A push message to a real HTTP server standing in for the browser's push service. The test plays the browser:
 * it owns the subscription's private key and auth secret and decrypts what arrived (RFC 8291, aes128gcm).
 */
@EngineTest
class WebPushTest {

	@RegisterExtension
	static WireMockExtension pushService = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
			.build();

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	Messaging messaging;

	@Autowired
	PushSubscriptions subscriptions;

	@Autowired
	WebPush webPush;

	@BeforeEach
	void daytime() {
		// push keeps quiet at night; noon in Stockholm whatever the wall clock says
		ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-24T11:00:00Z")));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theRenderedNotificationArrivesEncryptedForTheSubscriptionAndSignedWithVapid() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		Browser browser = new Browser();
		subscribe(customer, browser, "/push/" + customer);
		pushService.stubFor(post("/push/" + customer).willReturn(status(201)));

		SendOutcome outcome = messaging.send(new SendRequest("push-" + customer, customer, "abandoned-cart",
				"Task_SendSecondReminder", "second-reminder", List.of(Channel.PUSH, Channel.EMAIL), true, null,
				Map.of("cartId", "cart-1", "stage", "cart")));

		assertThat(outcome.status()).isEqualTo(SendOutcome.Status.SENT);
		var request = pushService.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(request.getHeader("TTL")).isNotBlank();
		assertThat(request.getHeader("Authorization")).startsWith("vapid t=")
				.contains("k=" + webPush.vapidPublicKey());
		var payload = new ObjectMapper().readTree(browser.decrypt(request.getBody()));
		assertThat(payload.path("title").asText()).isEqualTo("Din varukorg väntar");
		assertThat(payload.path("body").asText()).contains("Du glömde något");
		assertThat(payload.path("url").asText()).as("a tracked link").contains("/t/c/");
		assertThat(io.shopflow.Links.untracked(payload.path("url").asText())).isEqualTo("https://shop.example.com/cart/cart-1/restore");
		assertThat(payload.path("icon").asText()).isEqualTo("https://shop.example.com/p/1.jpg");
	}

	@Test
	void aSubscriptionThePushServiceNoLongerKnowsIsRemoved() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		subscribe(customer, new Browser(), "/gone/" + customer);
		pushService.stubFor(post("/gone/" + customer).willReturn(status(410)));

		SendOutcome outcome = messaging.send(new SendRequest("gone-" + customer, customer, "abandoned-cart",
				"Task_SendSecondReminder", "second-reminder", List.of(Channel.PUSH), true, null,
				Map.of("cartId", "cart-1", "stage", "cart")));

		assertThat(outcome.reason()).isEqualTo("provider-rejected");
		assertThat(subscriptions.of(customer)).isEmpty();
	}

	private void subscribe(String customer, Browser browser, String path) {
		send(event(id(), "shop.customer.registered", customer, """
				{"email":"%s@example.com","locale":"sv-SE","consent":{"email":true,"push":true}}""".formatted(customer)));
		send(cartUpdated(id(), customer, "cart-1", "Mug"));
		send(event(id(), "shop.push.subscribed", customer, """
				{"subscription":{"endpoint":"%s","keys":{"p256dh":"%s","auth":"%s"}}}"""
				.formatted(pushService.baseUrl() + path, browser.p256dh(), browser.auth())));
	}

	private void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}

	/** The receiving side of RFC 8291, written out here so the test does not trust the library it checks. */
	static final class Browser {

		private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

		private final KeyPair keys;
		private final byte[] authSecret = new byte[16];

		Browser() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("ECDH", "BC");
			generator.initialize(new ECGenParameterSpec("prime256v1"));
			keys = generator.generateKeyPair();
			new SecureRandom().nextBytes(authSecret);
		}

		String p256dh() {
			return B64.encodeToString(point(keys));
		}

		String auth() {
			return B64.encodeToString(authSecret);
		}

		String decrypt(byte[] message) throws Exception {
			ByteBuffer in = ByteBuffer.wrap(message);
			byte[] salt = new byte[16];
			in.get(salt);
			in.getInt(); // record size
			byte[] serverKey = new byte[in.get() & 0xff];
			in.get(serverKey);
			byte[] ciphertext = new byte[in.remaining()];
			in.get(ciphertext);

			KeyAgreement agreement = KeyAgreement.getInstance("ECDH", "BC");
			agreement.init(keys.getPrivate());
			agreement.doPhase(nl.martijndwars.webpush.Utils.loadPublicKey(B64.encodeToString(serverKey)), true);
			byte[] ikm = hkdf(authSecret, agreement.generateSecret(),
					concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), point(keys), serverKey), 32);
			byte[] key = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			byte[] padded = cipher.doFinal(ciphertext);
			int end = padded.length - 1;
			while (padded[end] == 0) {
				end--;
			}
			assertThat(padded[end]).as("last-record delimiter").isEqualTo((byte) 2);
			return new String(Arrays.copyOf(padded, end), StandardCharsets.UTF_8);
		}

		private static byte[] point(KeyPair keys) {
			return ((ECPublicKey) keys.getPublic()).getQ().getEncoded(false);
		}

		private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
			HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
			hkdf.init(new HKDFParameters(ikm, salt, info));
			byte[] out = new byte[length];
			hkdf.generateBytes(out, 0, length);
			return out;
		}

		private static byte[] concat(byte[]... parts) {
			ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
			Arrays.stream(parts).forEach(buffer::put);
			return buffer.array();
		}
	}
}
