package io.shopflow.stats;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.experiments.SplitTests;
import io.shopflow.experiments.ZTest;
import io.shopflow.flows.FlowInstances;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each flow earns, step by step, over a date range: one grouped SQL query over the send log (which carries
 * each send's first open and click) joined with the orders attributed to those sends. The index send_log_stats
 * holds every column it reads; attributions are read by (flow, ordered_at).
 */
@Service
public class FlowStats {

	/** One pass over the flow's sends in the range, which the send_log_stats index holds entirely. */
	private static final String PER_STEP = """
			select s.step, coalesce(s.variant, '') as variant, count(*) as entered,
			  sum(case when s.status = 'SENT' then 1 else 0 end) as sent,
			  sum(case when s.status = 'SKIPPED' then 1 else 0 end) as skipped,
			  sum(case when s.status = 'SENT' and (s.delivery_status is null
			        or s.delivery_status not in ('undelivered', 'failed')) then 1 else 0 end) as delivered,
			  count(s.opened_at) as opened, count(s.clicked_at) as clicked,
			  sum(case when s.apple_opened and s.opened_at is null then 1 else 0 end) as apple,
			  sum(case when s.machine_opened and s.opened_at is null then 1 else 0 end) as machine,
			  sum(coalesce(a.orders, 0)) as converted, sum(coalesce(a.revenue, 0)) as revenue
			from send_log s
			left join (
			  select send_id, count(*) as orders, sum(revenue) as revenue from attributions
			  where flow = :flow and ordered_at >= :from group by send_id) a on a.send_id = s.id
			where s.flow = :flow and s.created_at >= :from and s.created_at < :to
			group by s.step, coalesce(s.variant, '')
			order by min(s.created_at), 2""";

	private final JdbcClient jdbc;
	private final SplitTests splits;
	private final FlowInstances instances;

	FlowStats(JdbcClient jdbc, SplitTests splits, FlowInstances instances) {
		this.jdbc = jdbc;
		this.splits = splits;
		this.instances = instances;
	}

	public record Flow(String key, long entered, long sent, long delivered, long opened, long clicked, long converted,
			BigDecimal revenue, List<StepStats> steps, List<Variant> variants, String winner, List<Day> days) {
	}

	/** A split-test variant against the first one (the control): conversion of its customers and the p-value. */
	public record Variant(String variant, long customers, long conversions, double conversionRate, Double pValue) {
	}

	public record Day(LocalDate day, long sent, long converted, BigDecimal revenue) {
	}

	public List<Flow> all(LocalDate from, LocalDate to) {
		List<String> keys = jdbc.sql("""
				select distinct flow from send_log where created_at >= ? and created_at < ? order by flow""")
				.params(start(from), end(to)).query(String.class).list();
		return keys.stream().map(key -> of(key, from, to)).toList();
	}

	public Flow of(String key, LocalDate from, LocalDate to) {
		List<StepStats> steps = steps(key, from, to);
		List<Variant> variants = steps.stream().anyMatch(step -> step.variant() != null) ? variants(key, from, to)
				: List.of();
		return new Flow(key, entered(key, from, to), sum(steps, StepStats::sent), sum(steps, StepStats::delivered),
				sum(steps, StepStats::opened), sum(steps, StepStats::clicked), sum(steps, StepStats::converted),
				steps.stream().map(StepStats::revenue).reduce(BigDecimal.ZERO, BigDecimal::add), steps, variants,
				splits.winner(key).orElse(null), days(key, from, to));
	}

	private List<StepStats> steps(String key, LocalDate from, LocalDate to) {
		Map<String, Map<String, Long>> skippedBy = skippedBy(key, from, to);
		return jdbc.sql(PER_STEP)
				.param("flow", key).param("from", start(from)).param("to", end(to))
				.query((rs, n) -> {
					long sent = rs.getLong("sent");
					long delivered = rs.getLong("delivered");
					long opened = rs.getLong("opened");
					long clicked = rs.getLong("clicked");
					long converted = rs.getLong("converted");
					BigDecimal revenue = rs.getBigDecimal("revenue");
					String step = rs.getString("step");
					String variant = rs.getString("variant");
					return new StepStats(step, variant.isEmpty() ? null : variant, rs.getLong("entered"), sent,
							rs.getLong("skipped"), skippedBy.getOrDefault(step + "/" + variant, Map.of()), delivered,
							opened, rs.getLong("apple"), rs.getLong("machine"), clicked, converted, revenue,
							StepStats.Rates.of(sent, delivered, opened, clicked, converted, revenue));
				})
				.list();
	}

	private Map<String, Map<String, Long>> skippedBy(String key, LocalDate from, LocalDate to) {
		Map<String, Map<String, Long>> skipped = new LinkedHashMap<>();
		jdbc.sql("""
				select step, coalesce(variant, ''), coalesce(reason, 'unknown'), count(*) from send_log
				where flow = ? and created_at >= ? and created_at < ? and status = 'SKIPPED'
				group by step, coalesce(variant, ''), coalesce(reason, 'unknown')""")
				.params(key, start(from), end(to))
				.query((rs, n) -> skipped.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2),
						k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getLong(4)))
				.list();
		return skipped;
	}

	private long entered(String key, LocalDate from, LocalDate to) {
		return instances.started(key, start(from).toInstant(), end(to).toInstant());
	}

	private List<Variant> variants(String key, LocalDate from, LocalDate to) {
		List<SplitTests.VariantResult> results = splits.results(key, start(from), end(to));
		List<Variant> variants = new ArrayList<>();
		for (SplitTests.VariantResult result : results) {
			SplitTests.VariantResult control = results.get(0);
			Double p = result == control ? null
					: ZTest.of(result.conversions(), result.customers(), control.conversions(), control.customers()).pValue();
			variants.add(new Variant(result.variant(), result.customers(), result.conversions(), result.rate(), p));
		}
		return variants;
	}

	private List<Day> days(String key, LocalDate from, LocalDate to) {
		Map<LocalDate, long[]> counts = new LinkedHashMap<>();
		Map<LocalDate, BigDecimal> revenue = new LinkedHashMap<>();
		jdbc.sql("""
				select cast(created_at as date), count(*) from send_log
				where flow = ? and created_at >= ? and created_at < ? and status = 'SENT'
				group by cast(created_at as date)""")
				.params(key, start(from), end(to))
				.query((rs, n) -> counts.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[2])[0] = rs.getLong(2))
				.list();
		jdbc.sql("""
				select cast(ordered_at as date), count(*), sum(revenue) from attributions
				where flow = ? and ordered_at >= ? and ordered_at < ?
				group by cast(ordered_at as date)""")
				.params(key, start(from), end(to))
				.query((rs, n) -> {
					LocalDate day = rs.getDate(1).toLocalDate();
					counts.computeIfAbsent(day, d -> new long[2])[1] = rs.getLong(2);
					return revenue.put(day, rs.getBigDecimal(3));
				})
				.list();
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; day.isBefore(to.plusDays(1)); day = day.plusDays(1)) {
			long[] count = counts.getOrDefault(day, new long[2]);
			days.add(new Day(day, count[0], count[1], revenue.getOrDefault(day, BigDecimal.ZERO)));
		}
		return days;
	}

	private static long sum(List<StepStats> steps, java.util.function.ToLongFunction<StepStats> value) {
		return steps.stream().mapToLong(value).sum();
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

	private static Timestamp end(LocalDate day) {
		return Timestamp.from(day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}
}
