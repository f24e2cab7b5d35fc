package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Post-purchase: the review request reviewAfterDelivery after delivery (or reviewWithoutDelivery after the
 * cross-sell when no delivery is reported), the later cross-sell laterCrossSell after the review request, and
 * the instant cross-sell's coupon. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.post-purchase")
public record PostPurchaseSettings(Duration reviewAfterDelivery, Duration reviewWithoutDelivery,
		Duration laterCrossSell, BigDecimal crossSellCouponPercent, Duration couponValidity) {
}
