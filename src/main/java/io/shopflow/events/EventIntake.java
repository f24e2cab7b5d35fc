package io.shopflow.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.support.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for shop events, whatever the transport. A batch is recorded, applied and routed in one
 * transaction, which is what makes ingest fast; if that transaction fails, each event gets its own, so one
 * bad event cannot hold back the others. A redelivered id is recorded once and never processed again.
 * A database that cannot be reached fails the whole call at once with {@link DatabaseUnavailable}: trying the
 * events one by one would only wait for a connection once per event, and none of them is at fault.
 * Events about an erased customer are accepted and dropped ({@link ErasedSubjects}).
 */
@Service
public class EventIntake {

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
	private static final int ATTEMPTS_PER_EVENT = 3;

	private final ErasedSubjects erased;
	private final ReceivedEvents received;
	private final EventPipeline pipeline;
	private final TransactionTemplate transaction;

	EventIntake(ErasedSubjects erased, ReceivedEvents received, EventPipeline pipeline,
			PlatformTransactionManager transactions) {
		this.erased = erased;
		this.received = received;
		this.pipeline = pipeline;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Processes the batch; returns the ids of all events, new and repeated. */
	public List<String> accept(List<ShopEvent> events) {
		try {
			acceptTogether(events);
		}
		catch (DatabaseUnavailable down) {
			throw down;
		}
		catch (RuntimeException batchFailure) {
			if (events.size() == 1) {
				acceptAlone(events.get(0), batchFailure);
			}
			else {
				log.warn("Batch of {} events failed ({}); processing them one by one", events.size(),
						batchFailure.toString());
				Map<String, RuntimeException> failed = new LinkedHashMap<>();
				for (ShopEvent event : events) {
					try {
						acceptAlone(event, batchFailure);
					}
					catch (DatabaseUnavailable down) {
						throw down;
					}
					catch (RuntimeException e) {
						failed.put(event.id(), e);
					}
				}
				if (!failed.isEmpty()) {
					List<String> ids = new ArrayList<>(failed.keySet());
					RuntimeException first = failed.values().iterator().next();
					// one that may succeed on a retry makes the whole answer "again later"; the retry then ends
					// with only the events that cannot be stored
					throw failed.values().stream().allMatch(EventsNotStorable.class::isInstance)
							? new EventsNotStorable(ids, first) : new EventsNotProcessed(ids, first);
				}
			}
		}
		return events.stream().map(ShopEvent::id).toList();
	}

	/** One transaction for all; throws if any event fails, and then nothing of the batch is kept. */
	public void acceptTogether(List<ShopEvent> events) {
		try {
			transaction.executeWithoutResult(status -> process(events));
		}
		catch (RuntimeException e) {
			throw DatabaseUnavailable.isCause(e) ? new DatabaseUnavailable(e) : e;
		}
	}

	/**
	 * One transaction for one event, retried when it lost a race with a timer or another node (a concurrency
	 * conflict, or a unique key a concurrent copy took first). Values the database refuses every time end in
	 * {@link EventsNotStorable}, not in "try again".
	 */
	public void acceptAlone(ShopEvent event, RuntimeException cause) {
		RuntimeException last = cause;
		for (int attempt = 1; attempt <= ATTEMPTS_PER_EVENT; attempt++) {
			try {
				transaction.executeWithoutResult(status -> process(List.of(event)));
				return;
			}
			catch (RuntimeException e) {
				if (DatabaseUnavailable.isCause(e)) {
					throw new DatabaseUnavailable(e);
				}
				last = e;
				if (!isConcurrencyConflict(e) && !EventsNotStorable.isConstraintViolation(e)) {
					break;
				}
			}
		}
		if (EventsNotStorable.isCause(last)) {
			log.warn("Event {} ({}) has values the database cannot store: {}", event.id(), event.type(),
					last.toString());
			throw new EventsNotStorable(List.of(event.id()), last);
		}
		log.error("Event {} ({}) could not be processed", event.id(), event.type(), last);
		throw new EventsNotProcessed(List.of(event.id()), last);
	}

	private void process(List<ShopEvent> events) {
		// before recording: an event about an erased customer must not store their data again
		List<ShopEvent> admitted = erased.admitted(events);
		List<ShopEvent> fresh = admitted.isEmpty() ? admitted : received.recordNew(admitted);
		if (fresh.isEmpty()) {
			return;
		}
		pipeline.run(fresh);
	}

	private static boolean isConcurrencyConflict(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof ConcurrencyFailureException || t.getClass().getSimpleName().contains("OptimisticLocking")) {
				return true;
			}
		}
		return false;
	}
}
