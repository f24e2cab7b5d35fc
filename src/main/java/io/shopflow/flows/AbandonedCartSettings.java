package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The abandoned-cart flow's delays (each from the previous step) and its coupon. The model reads them as
 * ${abandonedCartSettings.firstReminder().toString()}; public because the engine's expressions call it.
 */
@ConfigurationProperties("shopflow.flows.abandoned-cart")
public record AbandonedCartSettings(Duration firstReminder, Duration secondReminder, Duration thirdReminder,
		BigDecimal couponPercent, Duration couponValidity) {
}
