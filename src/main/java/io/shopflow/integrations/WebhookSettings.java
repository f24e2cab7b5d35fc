package io.shopflow.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shared secrets of the shop platforms' webhooks: Shopify's app client secret (or the webhook signing secret shown
 * under Settings, Notifications), and the secret of each WooCommerce webhook. An empty secret turns its endpoint off.
 */
@ConfigurationProperties("shopflow.webhooks")
public record WebhookSettings(Platform shopify, Platform woocommerce) {

	public record Platform(String secret) {

		public boolean enabled() {
			return secret != null && !secret.isBlank();
		}
	}
}
