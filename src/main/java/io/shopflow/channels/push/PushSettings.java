package io.shopflow.channels.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** VAPID keys (base64url; generated and kept in the database when unset) and the contact subject (mailto:). */
@ConfigurationProperties("shopflow.push.vapid")
record PushSettings(String publicKey, String privateKey, String subject) {
}
