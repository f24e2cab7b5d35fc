package io.shopflow.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.shopflow.outbound.OutboundEvents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes opens and clicks behind the requests, in batches, so the pixel and the redirect answer at once.
 * Nothing is dropped: when the queue is full the request writes its own event, and on shutdown the queue is
 * drained before the database goes away.
 */
@Component
public class TrackingRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrackingRecorder.class);
	private static final int CAPACITY = 50_000;
	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final TransactionTemplate ownTransaction;
	private final OutboundEvents outbound;
	private final AtomicLong unwritten = new AtomicLong();
	private final BlockingQueue<TrackingEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
	private volatile boolean running;
	private Thread writer;

	TrackingRecorder(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions,
			OutboundEvents outbound) {
		this.outbound = outbound;
		this.jdbc = jdbc;
		this.batches = batches;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void record(TrackingEvent event) {
		unwritten.incrementAndGet();
		if (!running || !queue.offer(event)) {
			write(List.of(event));
		}
	}

	/** Everything recorded so far is in the database when this returns. */
	public void flush() {
		List<TrackingEvent> batch = new ArrayList<>();
		while (queue.drainTo(batch, BATCH) > 0) {
			write(batch);
			batch.clear();
		}
		long deadline = System.currentTimeMillis() + 10_000;
		while (unwritten.get() > 0 && System.currentTimeMillis() < deadline) {
			sleep(10);
		}
	}

	@Override
	public void start() {
		running = true;
		writer = new Thread(this::drain, "tracking-writer");
		writer.setDaemon(true);
		writer.start();
	}

	@Override
	public void stop() {
		running = false;
		writer.interrupt();
		try {
			writer.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server (which stops first) has stopped taking requests. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void drain() {
		List<TrackingEvent> batch = new ArrayList<>(BATCH);
		while (running) {
			try {
				TrackingEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				write(batch);
				batch.clear();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException e) {
				// the database is away: put the batch back and try again shortly, losing nothing
				log.warn("Writing {} tracking events failed, retrying: {}", batch.size(), e.toString());
				for (TrackingEvent event : batch) {
					if (!queue.offer(event)) {
						retryAlone(event);
					}
				}
				batch.clear();
				sleep(1000);
			}
		}
	}

	/** In a transaction of its own: a caller's transaction that rolls back must not take the events along. */
	private void write(List<TrackingEvent> events) {
		ownTransaction.executeWithoutResult(status -> insert(events));
		unwritten.addAndGet(-events.size());
	}

	private void insert(List<TrackingEvent> recorded) {
		List<TrackingEvent> events = withoutErased(recorded);
		if (events.isEmpty()) {
			return;
		}
		Map<Long, Instant> sentAt = sentAt(events);
		List<Object[]> rows = events.stream().map(event -> new Object[] { event.sendId(), event.kind(),
				truncate(event.target(), 2000), MachineOpens.flag(event, sentAt.get(event.sendId())),
				truncate(event.userAgent(), 500), truncate(event.ip(), 64), Timestamp.from(event.at()) }).toList();
		batches.batchUpdate("""
				insert into tracking_events (send_id, kind, target, flag, user_agent, ip, at)
				values (?, ?, ?, ?, ?, ?, ?)""", rows);
		List<Object[]> people = new ArrayList<>();
		List<Object[]> apple = new ArrayList<>();
		List<Object[]> machines = new ArrayList<>();
		for (Object[] row : rows) {
			Object flag = row[3];
			Timestamp at = (Timestamp) row[6];
			if (flag == null) {
				people.add(new Object[] { at, TrackedLinks.CLICK.equals(row[1]) ? at : null, row[0] });
			}
			else if ("apple-mpp".equals(flag)) {
				apple.add(new Object[] { row[0] });
			}
			else if (TrackedLinks.OPEN.equals(row[1])) {
				machines.add(new Object[] { row[0] });
			}
		}
		// the first time a person opened or clicked, on the send itself, for the statistics
		batches.batchUpdate("""
				update send_log set opened_at = coalesce(opened_at, ?), clicked_at = coalesce(clicked_at, ?)
				where id = ?""", people);
		batches.batchUpdate("update send_log set apple_opened = true where id = ? and not apple_opened", apple);
		for (Object[] person : people) {
			long sendId = (Long) person[2];
			jdbc.sql("select customer_id, flow, step from send_log where id = ?").param(sendId)
					.query((rs, n) -> {
						outbound.record(person[1] == null ? OutboundEvents.MESSAGE_OPENED : OutboundEvents.MESSAGE_CLICKED,
								rs.getString(1), Map.of("flow", rs.getString(2), "step", rs.getString(3),
										"sendId", sendId));
						return null;
					})
					.list();
		}
		batches.batchUpdate("update send_log set machine_opened = true where id = ? and not machine_opened", machines);
	}

	private void retryAlone(TrackingEvent event) {
		while (true) {
			try {
				write(List.of(event));
				return;
			}
			catch (RuntimeException e) {
				sleep(1000);
			}
		}
	}

	/** An open or click queued just before its customer's erasure must not be written after it. */
	private List<TrackingEvent> withoutErased(List<TrackingEvent> events) {
		List<Long> erased = jdbc.sql("""
				select s.id from send_log s join erasures e on e.pseudonym = s.customer_id where s.id in (:ids)""")
				.param("ids", events.stream().map(TrackingEvent::sendId).distinct().toList())
				.query(Long.class).list();
		return erased.isEmpty() ? events : events.stream().filter(event -> !erased.contains(event.sendId())).toList();
	}

	private Map<Long, Instant> sentAt(List<TrackingEvent> events) {
		Map<Long, Instant> sentAt = new HashMap<>();
		jdbc.sql("select id, sent_at from send_log where id in (:ids)")
				.param("ids", events.stream().map(TrackingEvent::sendId).distinct().toList())
				.query((rs, n) -> {
					Timestamp sent = rs.getTimestamp(2);
					sentAt.put(rs.getLong(1), sent == null ? null : sent.toInstant());
					return null;
				})
				.list();
		return sentAt;
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
