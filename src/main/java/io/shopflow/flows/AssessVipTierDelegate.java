package io.shopflow.flows;

import io.shopflow.loyalty.VipStanding;
import io.shopflow.loyalty.VipTiers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ranks the customer after the order that started the flow: tierRaised and tierKey when this order crossed into
 * a new tier, almostThere and nextTierKey when the next tier is close.
 */
@Component
class AssessVipTierDelegate implements JavaDelegate {

	private final VipTiers tiers;

	AssessVipTierDelegate(VipTiers tiers) {
		this.tiers = tiers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		VipStanding standing = tiers.after(execution.getProcessBusinessKey(), (String) execution.getVariable("orderId"));
		execution.setVariable("tierRaised", standing.tierRaised());
		execution.setVariable("tierKey", standing.tier() == null ? null : standing.tier().key());
		execution.setVariable("almostThere", standing.almostThere());
		execution.setVariable("nextTierKey", standing.nextTier() == null ? null : standing.nextTier().key());
	}
}
