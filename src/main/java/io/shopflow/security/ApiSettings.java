package io.shopflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The integrator's secret: the bearer token of /api/events, the customer data API and nothing else. */
@ConfigurationProperties("shopflow.api")
record ApiSettings(String token) {
}
