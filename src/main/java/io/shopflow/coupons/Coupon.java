package io.shopflow.coupons;

import java.math.BigDecimal;
import java.time.Instant;

public record Coupon(String code, String customerId, BigDecimal percent, Instant expiresAt) {
}
