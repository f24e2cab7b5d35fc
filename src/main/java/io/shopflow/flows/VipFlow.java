package io.shopflow.flows;

/** Ids and variables of bpmn/vip.bpmn that code, tests and email headers rely on. */
final class VipFlow {

	static final String KEY = "vip";

	static final String TASK_ASSESS_TIER = "Task_AssessTier";
	static final String GATEWAY_NEWS = "Gateway_News";
	static final String TASK_SEND_TIER_REACHED = "Task_SendTierReached";
	static final String TASK_SEND_ALMOST_THERE = "Task_SendAlmostThere";
	static final String END_TIER_REACHED = "EndEvent_TierReached";
	static final String END_NUDGED = "EndEvent_Nudged";
	static final String END_NO_NEWS = "EndEvent_NoNews";

	static final String VAR_ORDER_ID = "orderId";
	/** Written by Assess VIP tier, read by the gateway and the once-per inputs of the sends. */
	static final String VAR_TIER_RAISED = "tierRaised";
	static final String VAR_TIER_KEY = "tierKey";
	static final String VAR_ALMOST_THERE = "almostThere";
	static final String VAR_NEXT_TIER_KEY = "nextTierKey";

	private VipFlow() {
	}
}
