package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The yearly birthday greeting: sent at sendAt in the customer's time zone (fallbackTimeZone without one),
 * with a coupon. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.birthday")
public record BirthdaySettings(LocalTime sendAt, ZoneId fallbackTimeZone, BigDecimal couponPercent,
		Duration couponValidity) {
}
