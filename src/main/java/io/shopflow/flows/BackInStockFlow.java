package io.shopflow.flows;

/** Ids of bpmn/back-in-stock.bpmn that code, tests and email headers rely on. */
final class BackInStockFlow {

	static final String KEY = "back-in-stock";

	static final String TASK_SEND_BACK_IN_STOCK = "Task_SendBackInStock";
	static final String END_NOTIFIED = "EndEvent_Notified";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	/** The instance key: one instance per customer and product. */
	static final String VAR_PRODUCT_ID = "productId";

	private BackInStockFlow() {
	}
}
