package io.shopflow.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.shopflow.events.Channel;
import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per send key. Its state moves PENDING -> SENDING -> SENT, or to SKIPPED or FAILED; each move is
 * committed on its own, before and after talking to the channel, so a retry always knows what happened.
 */
@Repository
class SendLog {

	enum State {
		PENDING, SENDING, SENT, SKIPPED, FAILED
	}

	private final JdbcClient jdbc;
	private final InsertIfAbsent inserts;
	private final Clock clock;

	SendLog(JdbcClient jdbc, InsertIfAbsent inserts, Clock clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.clock = clock;
	}

	/** Creates the row if new and returns the state it is in now, locked until the transaction ends. */
	State claim(SendRequest request) {
		Timestamp now = now();
		inserts.insert("""
				insert into send_log (send_key, customer_id, flow, step, channel, marketing, status, attempts,
				  process_instance_id, once_key, variant, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)""", "send_key", request.sendKey(),
				request.customerId(), request.flow(), request.step(), request.channels().get(0).key(), request.marketing(),
				request.processInstanceId(), request.onceKey(), request.variant(), now, now);
		return jdbc.sql("select status from send_log where send_key = ? for update")
				.param(request.sendKey())
				.query((rs, n) -> State.valueOf(rs.getString(1)))
				.single();
	}

	/** The short id of a claimed send, which tracking links carry. */
	long idOf(String sendKey) {
		return jdbc.sql("select id from send_log where send_key = ?").param(sendKey).query(Long.class).single();
	}

	/** Whether another send with this once-key reached the customer within the window. */
	boolean sentOnceWithin(String customerId, String onceKey, Duration window, String exceptSendKey) {
		Timestamp since = Timestamp.from(Instant.now(clock).minus(window));
		return jdbc.sql("""
				select count(*) from send_log
				where customer_id = ? and once_key = ? and status in ('SENT', 'SENDING') and send_key <> ?
				  and coalesce(sent_at, updated_at) >= ?""")
				.params(customerId, onceKey, exceptSendKey, since)
				.query(Long.class)
				.single() > 0;
	}

	/** Serialises send decisions per customer until the transaction ends, across nodes. */
	void lockCustomer(String customerId) {
		inserts.insert("insert into send_locks (customer_id) values (?)", "customer_id", customerId);
		jdbc.sql("select customer_id from send_locks where customer_id = ? for update").param(customerId).query()
				.listOfRows();
	}

	Optional<String> reason(String sendKey) {
		return jdbc.sql("select reason from send_log where send_key = ?").param(sendKey).query(String.class).optional();
	}

	void sending(String sendKey, Channel channel) {
		jdbc.sql("""
				update send_log set status = 'SENDING', channel = ?, attempts = attempts + 1, updated_at = ?
				where send_key = ?""")
				.params(channel.key(), now(), sendKey)
				.update();
	}

	/**
	 * Commits without waiting for the WAL flush. Losing this row in a database crash cannot send twice: the
	 * durable SENDING claim stays, and a retry of SENDING is an incident, never a send. And the job's own commit
	 * right after it is synchronous, which flushes this one too.
	 */
	void sent(String sendKey, String messageId) {
		if (inserts.postgres()) {
			jdbc.sql("set local synchronous_commit = off").update();
		}
		Timestamp now = now();
		jdbc.sql("""
				update send_log set status = 'SENT', reason = null, message_id = ?, sent_at = ?, updated_at = ?
				where send_key = ?""")
				.params(messageId, now, now, sendKey)
				.update();
	}

	/** A provider's delivery report; false when no send has that provider message id. */
	boolean delivery(String messageId, String status) {
		Timestamp now = now();
		return jdbc.sql("""
				update send_log set delivery_status = ?, delivered_at = ?, updated_at = ? where message_id = ?""")
				.params(status, now, now, messageId)
				.update() > 0;
	}

	void deferred(String sendKey, String reason) {
		end(sendKey, State.PENDING, reason);
	}

	void skipped(String sendKey, String reason) {
		end(sendKey, State.SKIPPED, reason);
	}

	void failed(String sendKey, String reason) {
		end(sendKey, State.FAILED, reason);
	}

	/**
	 * Marketing messages sent, or being sent, to the customer on the channel within the window, exempt flows
	 * aside. Counting SENDING too is what keeps two concurrent sends from both passing the cap.
	 */
	int sentWithin(String customerId, Channel channel, Duration window, Set<String> exemptFlows) {
		Timestamp since = Timestamp.from(Instant.now(clock).minus(window));
		return jdbc.sql("""
				select flow from send_log
				where customer_id = ? and channel = ? and marketing = true and status in ('SENT', 'SENDING')
				  and coalesce(sent_at, updated_at) >= ?""")
				.params(customerId, channel.key(), since)
				.query(String.class)
				.list()
				.stream()
				.filter(flow -> !exemptFlows.contains(flow))
				.mapToInt(flow -> 1)
				.sum();
	}

	private void end(String sendKey, State state, String reason) {
		String shortReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
		jdbc.sql("update send_log set status = ?, reason = ?, updated_at = ? where send_key = ?")
				.params(state.name(), shortReason, now(), sendKey)
				.update();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}
}
