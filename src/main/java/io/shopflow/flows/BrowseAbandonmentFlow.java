package io.shopflow.flows;

/** Ids of bpmn/browse-abandonment.bpmn that code, tests and email headers rely on. */
final class BrowseAbandonmentFlow {

	static final String KEY = "browse-abandonment";

	static final String TIMER_STILL_INTERESTED = "Timer_StillInterested";
	static final String TASK_SEND_STILL_INTERESTED = "Task_SendStillInterested";
	static final String END_SENT = "EndEvent_Sent";
	static final String END_ADDED_TO_CART = "EndEvent_AddedToCart";
	static final String END_ORDERED = "EndEvent_Ordered";
	/** The drawn re-arm: another view ends the instance (and starts a fresh one with the latest product). */
	static final String END_RESTARTED = "EndEvent_Restarted";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	static final String VAR_PRODUCT_ID = "productId";

	private BrowseAbandonmentFlow() {
	}
}
