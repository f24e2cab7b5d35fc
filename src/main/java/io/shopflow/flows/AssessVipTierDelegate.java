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
		VipStanding standing = tiers.after(execution.getProcessBusinessKey(), (String) execution.getVariable(VipFlow.VAR_ORDER_ID));
		execution.setVariable(VipFlow.VAR_TIER_RAISED, standing.tierRaised());
		execution.setVariable(VipFlow.VAR_TIER_KEY, standing.tier() == null ? null : standing.tier().key());
		execution.setVariable(VipFlow.VAR_ALMOST_THERE, standing.almostThere());
		execution.setVariable(VipFlow.VAR_NEXT_TIER_KEY, standing.nextTier() == null ? null : standing.nextTier().key());
	}
}
