package io.shopflow.events.kafka;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.events.EventRejected;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.Violation;
import io.shopflow.support.DatabaseUnavailable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads shop events from Kafka, structured JSON or binary mode (ce_* headers). A poll is processed in one
 * transaction; when that fails, record by record, and the first record that fails alone is reported by index,
 * so the error handler commits the ones before it, retries it, and finally dead-letters it. When the database
 * cannot be reached, the first unprocessed record is reported at once, and the error handler retries it until the
 * database is back instead of dead-lettering it (see {@link KafkaIngestConfiguration}).
 */
@Component
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class EventsListener {

	private final EventParser parser;
	private final EventIntake intake;

	EventsListener(EventParser parser, EventIntake intake) {
		this.parser = parser;
		this.intake = intake;
	}

	// groupId is explicit: without it, Spring Kafka makes the listener id the group id and ignores
	// shopflow.kafka.group-id, so nodes configured for one group would consume as "shopflow-events"
	@KafkaListener(id = "shopflow-events", groupId = "${shopflow.kafka.group-id}", topics = "${shopflow.kafka.topic}",
			containerFactory = KafkaIngestConfiguration.CONTAINER_FACTORY)
	void receive(List<ConsumerRecord<String, byte[]>> records) {
		List<ShopEvent> events = new ArrayList<>();
		List<Integer> recordOf = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			List<ShopEvent> parsed;
			try {
				parsed = parse(records.get(i));
			}
			catch (EventRejected poison) {
				process(events, recordOf);
				throw new BatchListenerFailedException("Record is not a valid shop event", poison, i);
			}
			for (ShopEvent event : parsed) {
				events.add(event);
				recordOf.add(i);
			}
		}
		process(events, recordOf);
	}

	private void process(List<ShopEvent> events, List<Integer> recordOf) {
		if (events.isEmpty()) {
			return;
		}
		try {
			intake.acceptTogether(events);
		}
		catch (DatabaseUnavailable down) {
			throw new BatchListenerFailedException("Database unavailable", down, recordOf.get(0));
		}
		catch (RuntimeException batchFailure) {
			for (int i = 0; i < events.size(); i++) {
				try {
					intake.acceptAlone(events.get(i), batchFailure);
				}
				catch (RuntimeException e) {
					throw new BatchListenerFailedException("Event " + events.get(i).id() + " failed", e,
							recordOf.get(i));
				}
			}
		}
		events.clear();
		recordOf.clear();
	}

	private List<ShopEvent> parse(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new EventRejected(List.of(new Violation("", "record has no value")));
		}
		if (record.headers().lastHeader("ce_specversion") != null) {
			try {
				MessageReader reader = KafkaMessageFactory.createReader(record.headers(), record.value());
				return List.of(parser.parse(reader.toEvent()));
			}
			catch (CloudEventRWException e) {
				throw new EventRejected(List.of(new Violation("", e.getMessage())));
			}
		}
		return parser.parse(record.value());
	}
}
