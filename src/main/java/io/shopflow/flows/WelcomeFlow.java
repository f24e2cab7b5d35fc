package io.shopflow.flows;

/** Ids of bpmn/welcome.bpmn that code, tests and email headers rely on. */
final class WelcomeFlow {

	static final String KEY = "welcome";

	static final String TASK_SPLIT_COUPON = "Task_SplitWelcomeCoupon";
	static final String TASK_ISSUE_COUPON = "Task_IssueWelcomeCoupon";
	static final String TASK_ISSUE_CHALLENGER_COUPON = "Task_IssueChallengerCoupon";
	static final String TASK_SEND_WELCOME = "Task_SendWelcome";
	static final String TIMER_STORY = "Timer_Story";
	static final String TASK_SEND_STORY = "Task_SendStory";
	static final String TIMER_CLUB = "Timer_Club";
	static final String TASK_SEND_CLUB = "Task_SendClub";
	static final String END_SERIES_SENT = "EndEvent_SeriesSent";
	static final String END_ORDERED = "EndEvent_Ordered";
	static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";

	private WelcomeFlow() {
	}
}
