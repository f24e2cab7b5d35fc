package io.shopflow.support;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * "Insert unless the key exists", the idempotency guard of events, send log and secrets. On PostgreSQL it is
 * INSERT .. ON CONFLICT DO NOTHING, which waits for a concurrent insert of the same key and then does nothing,
 * without aborting the transaction. H2 (the embedded demo database, where Camunda needs H2's own dialect) has
 * no such clause, but a failed statement there does not abort the transaction, so the duplicate error is
 * caught instead.
 */
@Component
public class InsertIfAbsent {

	private final JdbcTemplate jdbc;
	private final boolean postgres;

	InsertIfAbsent(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
		this.postgres = product.toLowerCase().contains("postgres");
	}

	/** Whether the database is PostgreSQL (else H2), for the few statements that differ. */
	public boolean postgres() {
		return postgres;
	}

	/** @return 1 if inserted, 0 if the key existed */
	public int insert(String insertSql, String conflictColumns, Object... args) {
		if (postgres) {
			return jdbc.update(insertSql + " on conflict (" + conflictColumns + ") do nothing", args);
		}
		try {
			return jdbc.update(insertSql, args);
		}
		catch (DuplicateKeyException e) {
			return 0;
		}
	}

	/** Batch form; the result holds 1 or 0 per row, in order. */
	public <T> int[] insertAll(String insertSql, String conflictColumns, List<T> rows,
			ParameterizedPreparedStatementSetter<T> setter) {
		int[] inserted = new int[rows.size()];
		if (postgres) {
			int[][] counts = jdbc.batchUpdate(insertSql + " on conflict (" + conflictColumns + ") do nothing", rows,
					Math.max(rows.size(), 1), setter);
			int i = 0;
			for (int[] batch : counts) {
				for (int count : batch) {
					inserted[i++] = count == 0 ? 0 : 1;
				}
			}
			return inserted;
		}
		for (int i = 0; i < rows.size(); i++) {
			T row = rows.get(i);
			try {
				inserted[i] = jdbc.update(insertSql, ps -> setter.setValues(ps, row));
			}
			catch (DuplicateKeyException e) {
				inserted[i] = 0;
			}
		}
		return inserted;
	}
}
