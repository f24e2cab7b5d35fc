package io.shopflow.flows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Back in stock: who hears of a restocked product (viewed or carted within lookBack, not bought since), and
 * how long before the same product may be mentioned to them again. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.back-in-stock")
public record BackInStockSettings(Duration lookBack, Duration oncePer) {
}
