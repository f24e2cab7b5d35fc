package io.shopflow.flows;

/** Ids of bpmn/post-purchase.bpmn that code, tests and email headers rely on. */
final class PostPurchaseFlow {

	static final String KEY = "post-purchase";

	static final String GATEWAY_FIRST_ORDER = "Gateway_FirstOrder";
	static final String TASK_SEND_THANK_YOU_FIRST = "Task_SendThankYouFirst";
	static final String TASK_SEND_THANK_YOU = "Task_SendThankYou";
	static final String TASK_ISSUE_CROSS_SELL_COUPON = "Task_IssueCrossSellCoupon";
	static final String TASK_SEND_CROSS_SELL = "Task_SendCrossSell";
	static final String GATEWAY_DELIVERED = "Gateway_Delivered";
	static final String EVENT_ORDER_DELIVERED = "Event_OrderDelivered";
	static final String TIMER_REVIEW_AFTER_DELIVERY = "Timer_ReviewAfterDelivery";
	static final String TIMER_NO_DELIVERY_REPORTED = "Timer_NoDeliveryReported";
	static final String TASK_SEND_REVIEW_REQUEST = "Task_SendReviewRequest";
	static final String TIMER_LATER_CROSS_SELL = "Timer_LaterCrossSell";
	static final String TASK_SEND_LATER_CROSS_SELL = "Task_SendLaterCrossSell";
	static final String END_DONE = "EndEvent_Done";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	/** The instance key: one instance per order. */
	static final String VAR_ORDER_ID = "orderId";

	private PostPurchaseFlow() {
	}
}
