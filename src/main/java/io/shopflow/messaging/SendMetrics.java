package io.shopflow.messaging;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** The counters of every send: shopflow.sends and, per skip reason, shopflow.gate.skips. */
@Component
class SendMetrics {

	private final MeterRegistry meters;

	SendMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** shopflow.sends{flow, step, channel, outcome}: sent, skipped, deferred or failed. */
	void count(SendRequest request, String channel, String outcome) {
		meters.counter("shopflow.sends", "flow", request.flow(), "step", request.step(), "channel", channel, "outcome",
				outcome).increment();
	}

	/** shopflow.gate.skips{flow, reason}, once per channel a skip names ("sms:no-consent,email:capped"). */
	void skipped(SendRequest request, String reasons) {
		for (String reason : reasons.split(",")) {
			meters.counter("shopflow.gate.skips", "flow", request.flow(), "reason",
					reason.substring(reason.indexOf(':') + 1)).increment();
		}
	}
}
