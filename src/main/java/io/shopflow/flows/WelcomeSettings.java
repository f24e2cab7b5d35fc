package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The welcome series: the brand story storyDelay after the welcome email, the club invitation clubDelay after
 * the story, and the first-order coupon of the welcome email: couponPercent for variant a, challengerCouponPercent
 * for variant b of the split couponSplit. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.welcome")
public record WelcomeSettings(Duration storyDelay, Duration clubDelay, BigDecimal couponPercent,
		Duration couponValidity, BigDecimal challengerCouponPercent, String couponSplit) {
}
