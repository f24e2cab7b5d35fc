package io.shopflow.messaging;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.tracking.TrackedSends;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The send log as tracking sees it: who a send went to, and the opens and clicks marked on it. */
@Repository
class SendLogMarks implements TrackedSends {

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;

	SendLogMarks(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	@Override
	public Map<Long, Send> find(Collection<Long> sendIds) {
		Map<Long, Send> sends = new HashMap<>();
		if (sendIds.isEmpty()) {
			return sends;
		}
		jdbc.sql("select id, customer_id, flow, step, sent_at from send_log where id in (:ids)")
				.param("ids", sendIds)
				.query((rs, n) -> {
					Timestamp sent = rs.getTimestamp(5);
					return new Send(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							sent == null ? null : sent.toInstant());
				})
				.list()
				.forEach(send -> sends.put(send.id(), send));
		return sends;
	}

	@Override
	public void touchedByPeople(List<PersonTouch> touches) {
		batches.batchUpdate("""
				update send_log set opened_at = coalesce(opened_at, ?), clicked_at = coalesce(clicked_at, ?)
				where id = ?""", touches.stream().map(touch -> new Object[] { Timestamp.from(touch.at()),
				touch.click() ? Timestamp.from(touch.at()) : null, touch.sendId() }).toList());
	}

	@Override
	public void openedByApplePrivacy(Collection<Long> sendIds) {
		batches.batchUpdate("update send_log set apple_opened = true where id = ? and not apple_opened", rows(sendIds));
	}

	@Override
	public void openedByMachines(Collection<Long> sendIds) {
		batches.batchUpdate("update send_log set machine_opened = true where id = ? and not machine_opened",
				rows(sendIds));
	}

	private static List<Object[]> rows(Collection<Long> sendIds) {
		return sendIds.stream().map(id -> new Object[] { id }).toList();
	}
}
