package io.shopflow.flows;

import java.math.BigDecimal;
import java.time.Duration;

import io.shopflow.coupons.Coupon;
import io.shopflow.coupons.Coupons;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues a unique coupon for the customer and keeps its code in couponCode. It runs in the engine's
 * transaction, so a rolled-back attempt leaves no coupon behind.
 */
@Component
class IssueCouponDelegate implements JavaDelegate {

	private final Coupons coupons;

	IssueCouponDelegate(Coupons coupons) {
		this.coupons = coupons;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal percent = new BigDecimal(String.valueOf(execution.getVariable(FlowVariables.PERCENT)));
		Duration validFor = Duration.parse(String.valueOf(execution.getVariable(FlowVariables.VALID_FOR)));
		Coupon coupon = coupons.issue(execution.getProcessBusinessKey(), percent, validFor,
				SendKeys.flowKey(execution), execution.getProcessInstanceId());
		execution.setVariable(FlowVariables.COUPON_CODE, coupon.code());
	}
}
