package io.shopflow.events;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
		Runnable count = () -> meters.counter("shopflow.events.received", "type", event.type()).increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}
}
