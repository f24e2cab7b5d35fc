package io.shopflow.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard a password guesser is slowed down (shopflow.login): after freeAttempts failures from one client
 * address, each further attempt waits firstDelay, doubling up to maxDelay.
 */
@ConfigurationProperties("shopflow.login")
record LoginSettings(int freeAttempts, Duration firstDelay, Duration maxDelay) {
}
