package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Win-back: "we miss you" missYouDelay after the last order, the incentive coupon incentiveDelay after that.
 * Every order re-arms the wait. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.win-back")
public record WinBackSettings(Duration missYouDelay, Duration incentiveDelay, BigDecimal couponPercent,
		Duration couponValidity) {
}
