package io.shopflow.events;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** shopflow.events.received{type}: new events, counted once their transaction committed. */
@Component
class EventMetrics implements ShopEventHandler {

	private final MeterRegistry meters;

	EventMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public EventPipeline.Step step() {
		return EventPipeline.Step.METRICS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		AfterCommit.run(() -> meters.counter("shopflow.events.received", "type", event.type()).increment());
	}
}
