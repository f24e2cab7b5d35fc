package io.shopflow.flows;

/** Ids of bpmn/birthday.bpmn that code, tests and email headers rely on. */
final class BirthdayFlow {

	static final String KEY = "birthday";

	static final String GATEWAY_BIRTHDAY_KNOWN = "Gateway_BirthdayKnown";
	static final String END_NO_BIRTHDAY = "EndEvent_NoBirthday";
	static final String TIMER_NEXT_BIRTHDAY = "Timer_NextBirthday";
	static final String TASK_ISSUE_COUPON = "Task_IssueBirthdayCoupon";
	static final String TASK_SEND_BIRTHDAY = "Task_SendBirthday";
	/** The drawn re-arm: an updated profile ends the instance (and starts a fresh one). */
	static final String END_RESTARTED = "EndEvent_Restarted";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	static final String VAR_COUPON_CODE = "couponCode";

	private BirthdayFlow() {
	}
}
