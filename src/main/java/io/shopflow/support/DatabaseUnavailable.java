package io.shopflow.support;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not be reached: no connection could be had, or the one in use broke. Nothing is wrong with
 * the request or the record that was being processed, so it is answered with "again later" (a 503, another Kafka
 * attempt), never treated as bad input or as a poison record.
 */
public class DatabaseUnavailable extends RuntimeException {

	public DatabaseUnavailable(Throwable cause) {
		super("The database is unavailable: " + cause.getMessage(), cause);
	}

	/**
	 * Whether the failure, or any of its causes, says that the database cannot be reached. Camunda and MyBatis wrap
	 * the driver's exception in their own, so the whole chain is read, not only the outermost exception.
	 */
	public static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof DatabaseUnavailable || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL's "terminating connection due to
	 * administrator command", "crash shutdown" and "the database system is starting up / shutting down".
	 */
	private static boolean connectionLost(String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}
}
