package io.shopflow.channels.push;

/** A browser's Web Push subscription: where to post, and the keys to encrypt for it (RFC 8291). */
public record PushSubscription(String customerId, String endpoint, String p256dh, String auth) {
}
