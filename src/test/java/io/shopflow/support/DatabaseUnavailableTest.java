package io.shopflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as "the database is down" (retry later), and what is a fault of the input (not retried forever). */
class DatabaseUnavailableTest {

	@Test
	void noConnectionFromThePoolIsTheDatabaseBeingDown() {
		var hikari = new SQLTransientConnectionException("shopflow - Connection is not available, request timed out");
		assertThat(DatabaseUnavailable.isCause(
				new CannotCreateTransactionException("Could not open JDBC Connection for transaction", hikari))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(hikari))).isTrue();
	}

	@Test
	void aConnectionThatBrokeOrWasTerminatedIsTheDatabaseBeingDown() {
		// as Camunda reports it: its own exception around MyBatis' around the driver's
		var broken = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
		assertThat(DatabaseUnavailable.isCause(new IllegalStateException("ENGINE-03004",
				new RuntimeException("### Error querying database", broken)))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command",
				"57P01"))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")))
				.isTrue();
	}

	@Test
	void badDataIsNot() {
		assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("value too long",
				new SQLException("value too long for type character varying(64)", "22001")))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("no such bean"))).isFalse();
		assertThat(DatabaseUnavailable.isCause(null)).isFalse();
	}
}
