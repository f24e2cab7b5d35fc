package io.shopflow.flows;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many customers entered a flow, from the engine's history, for statistics: the engine's tables are named
 * only in this package, so a rename of the engine (Operaton, CIB seven) or of its tables stays here.
 */
@Service
public class FlowInstances {

	private final JdbcClient jdbc;

	FlowInstances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Instances of the flow started in [from, to), ended or not; kept as long as the history's time to live. */
	public long started(String flowKey, Instant from, Instant to) {
		// SQL rather than the history query: its startedBefore includes the end, and a day's range must not
		return jdbc.sql("""
				select count(*) from act_hi_procinst p
				where p.proc_def_key_ = ? and p.start_time_ >= ? and p.start_time_ < ?""")
				.params(flowKey, Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}
}
