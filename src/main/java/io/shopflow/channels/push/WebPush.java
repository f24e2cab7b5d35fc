package io.shopflow.channels.push;

import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.PushService;
import nl.martijndwars.webpush.Subscription;

import org.springframework.stereotype.Component;

/**
 * Web Push with VAPID (RFC 8030, 8291 encryption as aes128gcm, 8292), by the web-push library: no hand-made
 * cryptography. A 404 or 410 means the browser dropped the subscription, so it is removed.
 */
@Component
public class WebPush {

	public enum Result {
		DELIVERED, GONE
	}

	private final PushService push;
	private final PushSubscriptions subscriptions;
	private final VapidKeys keys;

	WebPush(VapidKeys keys, PushSubscriptions subscriptions) throws Exception {
		this.keys = keys;
		this.subscriptions = subscriptions;
		this.push = new PushService(keys.publicKey(), keys.privateKey(), keys.subject());
	}

	public String vapidPublicKey() {
		return keys.publicKey();
	}

	/** payload: the JSON the shop's service worker shows (title, body, url, icon). */
	public Result send(PushSubscription subscription, String payload) {
		int status;
		try {
			var target = new Subscription(subscription.endpoint(),
					new Subscription.Keys(subscription.p256dh(), subscription.auth()));
			var response = push.send(new Notification(target, payload), Encoding.AES128GCM);
			status = response.getStatusLine().getStatusCode();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PushNotAccepted("Interrupted while pushing", e);
		}
		catch (Exception e) {
			throw new PushNotAccepted("Push service unreachable: " + e.getMessage(), e);
		}
		if (status == 404 || status == 410) {
			subscriptions.remove(subscription.endpoint());
			return Result.GONE;
		}
		if (status >= 500) {
			throw new PushNotAccepted("Push service failed (" + status + ")", null);
		}
		if (status >= 400) {
			throw new PushRejected("Push service refused the message (" + status + ")");
		}
		return Result.DELIVERED;
	}

}
