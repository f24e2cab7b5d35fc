package io.shopflow.coupons;

import java.time.ZoneOffset;
import java.util.Map;

import io.shopflow.messaging.ModelContributor;

import org.springframework.stereotype.Component;

/** A flow's couponCode becomes $coupon with code, percent and expiry date. */
@Component
class CouponModel implements ModelContributor {

	private final Coupons coupons;

	CouponModel(Coupons coupons) {
		this.coupons = coupons;
	}

	@Override
	public void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model) {
		if (variables.get("couponCode") instanceof String code) {
			coupons.find(code).ifPresent(coupon -> model.put("coupon", Map.of(
					"code", coupon.code(),
					"percent", coupon.percent().stripTrailingZeros().toPlainString(),
					"expiresAt", coupon.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString())));
		}
	}
}
