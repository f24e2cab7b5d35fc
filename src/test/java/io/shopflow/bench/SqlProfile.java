package io.shopflow.bench;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code -Dbench.sql=true}: PostgreSQL's own account of a measured round (pg_stat_statements), printed
 * as the statements that took the most time, so a slow figure comes with its reason.
 */
final class SqlProfile {

	private static final boolean ON = Boolean.getBoolean("bench.sql");

	private final JdbcClient jdbc;

	SqlProfile(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void reset() {
		if (ON) {
			jdbc.sql("create extension if not exists pg_stat_statements").update();
			jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
		}
	}

	void print(String round, long units) {
		if (!ON) {
			return;
		}
		List<String> lines = jdbc.sql("""
				select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query
				from pg_stat_statements where query not like '%pg_stat_statements%'
				order by total_exec_time desc limit 30""")
				.query((rs, row) -> String.format(Locale.ROOT, "%9d %8.2f/unit %10.1f ms  %s", rs.getLong(1),
						rs.getLong(1) / (double) units, rs.getDouble(2), rs.getString(3)))
				.list();
		Long calls = jdbc.sql("select sum(calls)::bigint from pg_stat_statements").query(Long.class).single();
		Double ms = jdbc.sql("select sum(total_exec_time) from pg_stat_statements").query(Double.class).single();
		System.out.printf(Locale.ROOT, "%nSQL of %s: %d statements (%.1f per unit), %.0f ms in PostgreSQL%n", round,
				calls, calls / (double) units, ms);
		lines.forEach(System.out::println);
	}
}
