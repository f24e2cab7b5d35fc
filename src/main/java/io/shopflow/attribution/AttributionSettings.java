package io.shopflow.attribution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long after a click, or after an open, an order still counts for the message (last touch). */
@ConfigurationProperties("shopflow.attribution")
record AttributionSettings(Duration clickWindow, Duration openWindow) {
}
