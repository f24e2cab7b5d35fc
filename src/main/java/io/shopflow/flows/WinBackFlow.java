package io.shopflow.flows;

/** Ids of bpmn/win-back.bpmn that code, tests and email headers rely on. */
final class WinBackFlow {

	static final String KEY = "win-back";

	static final String TIMER_MISS_YOU = "Timer_MissYou";
	static final String TASK_SEND_MISS_YOU = "Task_SendMissYou";
	static final String TIMER_INCENTIVE = "Timer_Incentive";
	static final String TASK_ISSUE_COUPON = "Task_IssueWinBackCoupon";
	static final String TASK_SEND_INCENTIVE = "Task_SendIncentive";
	static final String END_WIN_BACK_SENT = "EndEvent_WinBackSent";
	/** The drawn exit: the next order ends the instance (and starts a fresh one). */
	static final String END_ORDERED = "EndEvent_Ordered";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	static final String VAR_COUPON_CODE = "couponCode";

	private WinBackFlow() {
	}
}
