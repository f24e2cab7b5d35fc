package io.shopflow.segments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.support.InsertIfAbsent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Segment definitions (stored and versioned) and their members, always computed in the database. */
@Service
public class Segments {

	public record Preview(long count, List<String> sample, long millis) {
	}

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final SegmentCompiler compiler;
	private final ObjectMapper json;
	private final Clock clock;
	private final boolean postgres;
	private final String workMem;
	private volatile List<Segment> cached;
	private volatile long cachedAt;

	Segments(JdbcClient jdbc, NamedParameterJdbcTemplate named, SegmentCompiler compiler, ObjectMapper json, Clock clock,
			InsertIfAbsent dialect, @Value("${shopflow.segments.work-mem:256MB}") String workMem) {
		this.postgres = dialect.postgres();
		this.workMem = workMem.replaceAll("[^0-9A-Za-z]", "");
		this.jdbc = jdbc;
		this.named = named;
		this.compiler = compiler;
		this.json = json;
		this.clock = clock;
	}

	/** Stores a new version; the definition is compiled first, so a stored segment always compiles. */
	@Transactional
	public Segment save(String key, String name, JsonNode condition) {
		compiler.compile(condition);
		Timestamp now = Timestamp.from(Instant.now(clock));
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from segment_versions where segment_key = ?").param(key)
				.query(Integer.class).single();
		String definition = write(condition);
		jdbc.sql("insert into segment_versions (segment_key, version, definition, created_at) values (?, ?, ?, ?)")
				.params(key, version, definition, now).update();
		if (jdbc.sql("update segments set name = ?, version = ?, definition = ?, updated_at = ? where segment_key = ?")
				.params(name, version, definition, now, key).update() == 0) {
			jdbc.sql("insert into segments (segment_key, name, version, definition, updated_at) values (?, ?, ?, ?, ?)")
					.params(key, name, version, definition, now).update();
		}
		cached = null;
		return new Segment(key, name, version, condition);
	}

	public Optional<Segment> find(String key) {
		return jdbc.sql("select segment_key, name, version, definition from segments where segment_key = ?").param(key)
				.query((rs, n) -> new Segment(rs.getString(1), rs.getString(2), rs.getInt(3), read(rs.getString(4))))
				.optional();
	}

	/** Cached, because every event asks: renewed on a save here, and every 30 s for saves on other nodes. */
	public List<Segment> all() {
		List<Segment> current = cached;
		if (current == null || System.currentTimeMillis() - cachedAt > 30_000) {
			current = jdbc.sql("select segment_key, name, version, definition from segments order by segment_key")
					.query((rs, n) -> new Segment(rs.getString(1), rs.getString(2), rs.getInt(3), read(rs.getString(4))))
					.list();
			cached = current;
			cachedAt = System.currentTimeMillis();
		}
		return current;
	}

	public List<Map<String, Object>> versions(String key) {
		return jdbc.sql("select version, definition, created_at from segment_versions where segment_key = ? order by version")
				.param(key).query().listOfRows();
	}

	/** The number of members and a sample of them, straight from the compiled query. */
	@Transactional(readOnly = true)
	public Preview preview(JsonNode condition, int sampleSize) {
		long start = System.nanoTime();
		SegmentQuery query = compiler.compile(condition);
		roomToHash();
		long[] count = { 0 };
		List<String> sample = new java.util.ArrayList<>();
		named.query(previewSql(query, sampleSize), query.parameters(), (RowCallbackHandler) rs -> {
			if (rs.getString(1) == null) {
				count[0] = rs.getLong(2);
			}
			else {
				sample.add(rs.getString(1));
			}
		});
		return new Preview(count[0], sample, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * The plans of the preview's queries, run (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN on H2): for the benchmark,
	 * and for an operator asking why a segment is slow.
	 */
	@Transactional(readOnly = true)
	public List<String> explain(JsonNode condition, int sampleSize) {
		SegmentQuery query = compiler.compile(condition);
		roomToHash();
		String explain = postgres ? "explain (analyze, buffers) " : "explain ";
		List<String> plan = new java.util.ArrayList<>();
		String sql = previewSql(query, sampleSize);
		plan.add(sql);
		plan.addAll(named.queryForList(explain + sql, query.parameters(), String.class));
		return plan;
	}

	/**
	 * The count (the row without an id) and the sample, in one statement: the members are found once, not once
	 * for the count and again for the sample, which for a condition that has to aggregate (event and order
	 * counts) was twice the work.
	 */
	private static String previewSql(SegmentQuery query, int sampleSize) {
		return "with m as (" + query.members() + ") select null as id, count(*) as n from m"
				+ " union all (select id, 0 from m order by id limit " + Math.max(0, sampleSize) + ")";
	}

	/** Every member id, in id order, streamed row by row. */
	@Transactional(readOnly = true)
	public void members(JsonNode condition, Consumer<String> each) {
		SegmentQuery query = compiler.compile(condition);
		roomToHash();
		named.query(query.members() + " order by c.id", query.parameters(),
				(RowCallbackHandler) rs -> each.accept(rs.getString(1)));
	}

	/** Members with what an export or a campaign needs, streamed in id order. */
	@Transactional(readOnly = true)
	public void contacts(JsonNode condition, Consumer<Contact> each) {
		SegmentQuery query = compiler.compile(condition);
		roomToHash();
		named.query("select c.id, c.email, c.phone, c.first_name, c.last_name, c.locale, c.time_zone from customers c"
				+ " where " + query.predicate() + " order by c.id", query.parameters(),
				(RowCallbackHandler) rs -> each.accept(new Contact(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))));
	}

	/** Whether one customer is a member now. */
	public boolean contains(JsonNode condition, String customerId) {
		SegmentQuery query = compiler.compile(condition);
		var parameters = new java.util.HashMap<>(query.parameters());
		parameters.put("customer", customerId);
		Long count = named.queryForObject("select count(*) from customers c where c.id = :customer and ("
				+ query.predicate() + ")", parameters, Long.class);
		return count != null && count > 0;
	}

	/**
	 * A segment's sub-queries (customers who did X) are hashed against all customers; PostgreSQL does that only
	 * when the set fits in work_mem, and otherwise rescans it for every customer (minutes on 1M). So a segment
	 * query gets more, for its own transaction only.
	 */
	private void roomToHash() {
		if (postgres) {
			jdbc.sql("set local work_mem = '" + workMem + "'").update();
		}
	}

	public record Contact(String id, String email, String phone, String firstName, String lastName, String locale,
			String timeZone) {
	}

	private String write(JsonNode condition) {
		try {
			return json.writeValueAsString(condition);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private JsonNode read(String definition) {
		try {
			return json.readTree(definition);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
