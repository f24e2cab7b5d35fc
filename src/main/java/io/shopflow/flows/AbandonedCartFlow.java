package io.shopflow.flows;

/** Ids of bpmn/abandoned-cart.bpmn that code, tests and email headers rely on. */
final class AbandonedCartFlow {

	static final String KEY = "abandoned-cart";

	static final String TIMER_FIRST_REMINDER = "Timer_FirstReminder";
	static final String TIMER_SECOND_REMINDER = "Timer_SecondReminder";
	static final String TIMER_THIRD_REMINDER = "Timer_ThirdReminder";
	static final String TASK_SEND_FIRST_REMINDER = "Task_SendFirstReminder";
	static final String TASK_SEND_SECOND_REMINDER = "Task_SendSecondReminder";
	static final String TASK_SEND_THIRD_REMINDER = "Task_SendThirdReminder";
	static final String TASK_ISSUE_COUPON = "Task_IssueCoupon";
	static final String END_REMINDERS_SENT = "EndEvent_RemindersSent";
	/** The drawn re-arm: interrupting boundary events on the Remind subprocess lead back into it. */
	static final String EVENT_CART_UPDATED_AGAIN = "Event_CartUpdatedAgain";
	static final String EVENT_CHECKOUT_STARTED = "Event_CheckoutStarted";
	static final String END_ORDERED = "EndEvent_Ordered";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";
	static final String END_REMINDERS_DONE = "EndEvent_RemindersDone";

	static final String VAR_CART_ID = "cartId";
	static final String VAR_STAGE = "stage";
	static final String VAR_COUPON_CODE = "couponCode";

	private AbandonedCartFlow() {
	}
}
