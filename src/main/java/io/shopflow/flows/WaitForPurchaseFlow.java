package io.shopflow.flows;

/** Ids and variables of bpmn/wait-for-purchase.bpmn, the building block behind the element template Shopflow: wait for purchase (no shipped flow calls it). */
final class WaitForPurchaseFlow {

	static final String KEY = "wait-for-purchase";

	static final String GATEWAY_PURCHASE_OR_TIMEOUT = "Gateway_PurchaseOrTimeout";
	static final String EVENT_ORDER_PLACED = "Event_OrderPlaced";
	static final String TIMER_WAIT_OVER = "Timer_WaitOver";
	static final String END_PURCHASED = "EndEvent_Purchased";
	static final String END_NO_PURCHASE = "EndEvent_NoPurchase";

	/** In: an ISO-8601 duration. Out: whether the customer ordered within it. */
	static final String VAR_TIMEOUT = "timeout";
	static final String VAR_PURCHASED = "purchased";

	private WaitForPurchaseFlow() {
	}
}
