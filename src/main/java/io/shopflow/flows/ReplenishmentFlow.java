package io.shopflow.flows;

/** Ids and variables of bpmn/replenishment.bpmn that code, tests and email headers rely on. */
final class ReplenishmentFlow {

	static final String KEY = "replenishment";

	static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
	static final String TASK_SEND_REMINDER = "Task_SendReminder";
	static final String SUB_PROCESS_FOLLOW_UP = "SubProcess_FollowUp";
	static final String TIMER_FOLLOW_UP = "Timer_FollowUp";
	static final String TASK_SEND_RUNNING_LOW = "Task_SendRunningLow";
	static final String END_REMINDED = "EndEvent_Reminded";
	/** The follow-up's drawn purchase exit: any order after the reminder. */
	static final String END_PURCHASED = "EndEvent_Purchased";
	/** The drawn exit on shopflow.replenishment.reordered: the product was ordered again. */
	static final String START_REORDERED = "StartEvent_Reordered";
	static final String END_REORDERED = "EndEvent_Reordered";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	/** The instance key: one instance per customer and product. */
	static final String VAR_PRODUCT_ID = "productId";
	/** Set by the planner with shopflow.replenishment.planned (ISO-8601 durations and where the interval came from). */
	static final String VAR_REMIND_IN = "remindIn";
	static final String VAR_CONSUMPTION_INTERVAL = "consumptionInterval";
	static final String VAR_INTERVAL_SOURCE = "intervalSource";

	private ReplenishmentFlow() {
	}
}
