package io.shopflow.flows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browse abandonment: the "still interested?" email delay after the last product view, and how long the
 * same product is not mentioned again. Public because model expressions call it.
 */
@ConfigurationProperties("shopflow.flows.browse-abandonment")
public record BrowseAbandonmentSettings(Duration delay, Duration oncePer) {
}
