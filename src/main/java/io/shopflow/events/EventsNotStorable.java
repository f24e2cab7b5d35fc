package io.shopflow.events;

import java.sql.SQLException;
import java.util.List;

/**
 * Events the database refused for their values: a number out of range, a text too long, a conflict with data
 * kept (SQLSTATE classes 22 "data exception" and 23 "integrity constraint violation"). Unlike a database that
 * is down, sending them again fails the same way, so this is the sender's to fix, never "retry later".
 */
public class EventsNotStorable extends EventsNotProcessed {

	public EventsNotStorable(List<String> ids, Throwable cause) {
		super(ids, cause);
	}

	/** Whether the failure, or any of its causes, is the database refusing a value (class 22 or 23). */
	public static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof EventsNotStorable) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
				return true;
			}
		}
		return false;
	}

	/** Class 23 alone: a unique key may only have lost a race with a concurrent copy, which a retry wins. */
	static boolean isConstraintViolation(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
				return true;
			}
		}
		return false;
	}
}
