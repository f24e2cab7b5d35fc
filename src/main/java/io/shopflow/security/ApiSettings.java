package io.shopflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The one secret of our API: bearer token for /api, Basic password for /engine-rest. */
@ConfigurationProperties("shopflow.api")
record ApiSettings(String token) {
}
