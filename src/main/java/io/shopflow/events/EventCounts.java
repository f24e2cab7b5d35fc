package io.shopflow.events;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per customer and event type, how many events arrived on each day (UTC) and in all: customer_event_days and
 * customer_event_totals, which segment conditions on event counts read instead of shop_events. Kept in the
 * transaction that records the events, so the counts and the events never disagree.
 */
@Repository
class EventCounts {

	private static final String ADD_DAY_POSTGRES = """
			insert into customer_event_days as d (customer_id, type, event_day, events) values (?, ?, ?, ?)
			on conflict (customer_id, type, event_day) do update set events = d.events + excluded.events""";
	private static final String ADD_TOTAL_POSTGRES = """
			insert into customer_event_totals as t (customer_id, type, events) values (?, ?, ?)
			on conflict (customer_id, type) do update set events = t.events + excluded.events""";
	// H2 (the embedded demo database) has no ON CONFLICT; its MERGE does the same
	private static final String ADD_DAY_H2 = """
			merge into customer_event_days d using (values (cast(? as varchar(128)), cast(? as varchar(200)),
			  cast(? as date), cast(? as int))) n (customer_id, type, event_day, events)
			on d.customer_id = n.customer_id and d.type = n.type and d.event_day = n.event_day
			when matched then update set events = d.events + n.events
			when not matched then insert (customer_id, type, event_day, events)
			  values (n.customer_id, n.type, n.event_day, n.events)""";
	private static final String ADD_TOTAL_H2 = """
			merge into customer_event_totals t using (values (cast(? as varchar(128)), cast(? as varchar(200)),
			  cast(? as int))) n (customer_id, type, events)
			on t.customer_id = n.customer_id and t.type = n.type
			when matched then update set events = t.events + n.events
			when not matched then insert (customer_id, type, events) values (n.customer_id, n.type, n.events)""";

	private record Day(String customerId, String type, LocalDate day) {
	}

	private record Total(String customerId, String type) {
	}

	// rows are updated in this order in every transaction, so two batches sharing customers cannot deadlock
	private static final Comparator<Day> DAYS = Comparator.comparing(Day::customerId).thenComparing(Day::type)
			.thenComparing(Day::day);
	private static final Comparator<Total> TOTALS = Comparator.comparing(Total::customerId)
			.thenComparing(Total::type);

	private final JdbcTemplate jdbc;
	private final boolean postgres;

	EventCounts(JdbcTemplate jdbc, InsertIfAbsent dialect) {
		this.jdbc = jdbc;
		this.postgres = dialect.postgres();
	}

	/** Counts events just recorded as received at that instant; events without a customer are not counted. */
	void add(List<ShopEvent> events, Instant receivedAt) {
		LocalDate day = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
		Map<Day, Integer> days = new TreeMap<>(DAYS);
		Map<Total, Integer> totals = new TreeMap<>(TOTALS);
		for (ShopEvent event : events) {
			if (event.customerId() != null) {
				days.merge(new Day(event.customerId(), event.type(), day), 1, Integer::sum);
				totals.merge(new Total(event.customerId(), event.type()), 1, Integer::sum);
			}
		}
		if (days.isEmpty()) {
			return;
		}
		List<Object[]> dayRows = new ArrayList<>();
		days.forEach((key, count) -> dayRows.add(
				new Object[] { key.customerId(), key.type(), Date.valueOf(key.day()), count }));
		List<Object[]> totalRows = new ArrayList<>();
		totals.forEach((key, count) -> totalRows.add(new Object[] { key.customerId(), key.type(), count }));
		jdbc.batchUpdate(postgres ? ADD_DAY_POSTGRES : ADD_DAY_H2, dayRows);
		jdbc.batchUpdate(postgres ? ADD_TOTAL_POSTGRES : ADD_TOTAL_H2, totalRows);
	}
}
