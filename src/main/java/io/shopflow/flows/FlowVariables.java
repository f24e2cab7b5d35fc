package io.shopflow.flows;

/** Variable names shared by Shopflow's delegates, whatever the flow. */
final class FlowVariables {

	/** Input of a send task: the template step, templates/&lt;channel&gt;/&lt;flow&gt;/&lt;template&gt;.&lt;locale&gt;.vm */
	static final String TEMPLATE = "template";
	/** Input of a send task: its channels in order of preference, e.g. "sms,email". */
	static final String CHANNELS = "channels";
	/**
	 * Input of a send task: "marketing" (default) or "transactional". Transactional messages (an order
	 * confirmation) need no marketing consent and are neither capped nor held by quiet hours.
	 */
	static final String MESSAGE_KIND = "messageKind";
	/** Input of a send task: the variable whose value makes the send once-only within oncePerWindow. */
	static final String ONCE_PER = "oncePer";
	static final String ONCE_PER_WINDOW = "oncePerWindow";
	/** Written by a send task: SENT or SKIPPED, for gateways after it. */
	static final String SEND_OUTCOME = "sendOutcome";
	/** Written by a send task when skipped: why (no-consent, capped, ...). */
	static final String SKIP_REASON = "sendSkipReason";
	static final String COUPON_CODE = "couponCode";
	static final String PERCENT = "percent";
	static final String VALID_FOR = "validFor";

	private FlowVariables() {
	}
}
