package io.shopflow.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopflow.outbound.OutboundEvents;
import io.shopflow.tracking.TrackedSends.PersonTouch;
import io.shopflow.tracking.TrackedSends.Send;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of opens and clicks, flagged person or machine, marks their sends, and tells the shop when a
 * person opened or clicked.
 */
@Component
class TrackingWriter {

	private final JdbcTemplate batches;
	private final TransactionTemplate ownTransaction;
	private final TrackedSends sends;
	private final ErasedCustomers erased;
	private final OutboundEvents outbound;

	TrackingWriter(JdbcTemplate batches, PlatformTransactionManager transactions, TrackedSends sends,
			ErasedCustomers erased, OutboundEvents outbound) {
		this.batches = batches;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.sends = sends;
		this.erased = erased;
		this.outbound = outbound;
	}

	/** In a transaction of its own: a caller's transaction that rolls back must not take the events along. */
	void write(List<TrackingEvent> events) {
		ownTransaction.executeWithoutResult(status -> insert(events));
	}

	private void insert(List<TrackingEvent> recorded) {
		Map<Long, Send> sent = sends.find(recorded.stream().map(TrackingEvent::sendId).distinct().toList());
		List<TrackingEvent> events = withoutErased(recorded, sent);
		if (events.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		List<PersonTouch> people = new ArrayList<>();
		List<Long> apple = new ArrayList<>();
		List<Long> machines = new ArrayList<>();
		for (TrackingEvent event : events) {
			String flag = MachineOpens.flag(event, sentAt(sent.get(event.sendId())));
			rows.add(new Object[] { event.sendId(), event.kind(), truncate(event.target(), 2000), flag,
					truncate(event.userAgent(), 500), truncate(event.ip(), 64), Timestamp.from(event.at()) });
			if (flag == null) {
				people.add(new PersonTouch(event.sendId(), event.at(), TrackedLinks.CLICK.equals(event.kind())));
			}
			else if ("apple-mpp".equals(flag)) {
				apple.add(event.sendId());
			}
			else if (TrackedLinks.OPEN.equals(event.kind())) {
				machines.add(event.sendId());
			}
		}
		batches.batchUpdate("""
				insert into tracking_events (send_id, kind, target, flag, user_agent, ip, at)
				values (?, ?, ?, ?, ?, ?, ?)""", rows);
		sends.touchedByPeople(people);
		sends.openedByApplePrivacy(apple);
		sends.openedByMachines(machines);
		people.forEach(touch -> announce(touch, sent.get(touch.sendId())));
	}

	/** An open or click queued just before its customer's erasure must not be written after it. */
	private List<TrackingEvent> withoutErased(List<TrackingEvent> events, Map<Long, Send> sent) {
		Set<String> pseudonyms = erased.pseudonyms(sent.values().stream().map(Send::customerId).distinct().toList());
		return pseudonyms.isEmpty() ? events : events.stream().filter(event -> {
			Send send = sent.get(event.sendId());
			return send == null || !pseudonyms.contains(send.customerId());
		}).toList();
	}

	private void announce(PersonTouch touch, Send send) {
		if (send != null) {
			outbound.record(touch.click() ? OutboundEvents.MESSAGE_CLICKED : OutboundEvents.MESSAGE_OPENED,
					send.customerId(), Map.of("flow", send.flow(), "step", send.step(), "sendId", send.id()));
		}
	}

	private static Instant sentAt(Send send) {
		return send == null ? null : send.sentAt();
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}
}
