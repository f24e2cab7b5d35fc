package io.shopflow.segments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.events.DerivedEvents;
import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent;
import io.shopflow.events.ShopEvent.Raised;
import io.shopflow.events.ShopEventHandler;
import io.shopflow.flows.FlowRouter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps segment_members current and tells the flows: a customer who enters a segment raises
 * shopflow.segment.entered (variable segmentKey), one who leaves shopflow.segment.exited. Each shop event
 * re-evaluates its customer's segments in the event's transaction; a schedule re-evaluates everyone, for
 * conditions that time alone changes ("nothing for 180 days").
 */
@Component
public class SegmentMembership implements ShopEventHandler {

	public static final String ENTERED = "shopflow.segment.entered";
	public static final String EXITED = "shopflow.segment.exited";
	private static final Logger log = LoggerFactory.getLogger(SegmentMembership.class);

	private final Segments segments;
	private final SegmentCompiler compiler;
	private final FlowRouter router;
	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final TransactionTemplate transaction;
	private final Clock clock;

	SegmentMembership(Segments segments, SegmentCompiler compiler, FlowRouter router, JdbcClient jdbc,
			NamedParameterJdbcTemplate named, TransactionTemplate transaction, Clock clock) {
		this.segments = segments;
		this.compiler = compiler;
		this.router = router;
		this.jdbc = jdbc;
		this.named = named;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public Step step() {
		return Step.SEGMENTS;
	}

	@Override
	public void handle(ShopEvent event, DerivedEvents derived) {
		if (event.customerId() == null || event instanceof Raised) {
			return;
		}
		for (Segment segment : segments.all()) {
			boolean member = segments.contains(segment.condition(), event.customerId());
			boolean was = jdbc.sql("select count(*) from segment_members where segment_key = ? and customer_id = ?")
					.params(segment.key(), event.customerId()).query(Long.class).single() > 0;
			if (member && !was) {
				enter(segment.key(), event.customerId(), event.id(), derived);
			}
			else if (!member && was) {
				exit(segment.key(), event.customerId(), event.id(), derived);
			}
		}
	}

	/** Everyone, every segment: who entered or left by time alone. */
	@Scheduled(fixedDelayString = "${shopflow.segments.refresh:PT1H}", initialDelayString = "PT1M")
	public void refresh() {
		for (Segment segment : segments.all()) {
			refresh(segment);
		}
	}

	void refresh(Segment segment) {
		SegmentQuery query = compiler.compile(segment.condition());
		Map<String, Object> parameters = new HashMap<>(query.parameters());
		parameters.put("segmentKey", segment.key());
		String stamp = Long.toString(Instant.now(clock).toEpochMilli());
		List<String> entering = named.queryForList(query.members() + " and not exists (select 1 from segment_members m"
				+ " where m.segment_key = :segmentKey and m.customer_id = c.id)", parameters, String.class);
		List<String> leaving = named.queryForList("select m.customer_id from segment_members m where m.segment_key ="
				+ " :segmentKey and m.customer_id not in (" + query.members() + ")", parameters, String.class);
		// in batches, so one large wave neither holds one huge transaction nor loses what was done
		for (List<String> batch : batches(entering)) {
			transaction.executeWithoutResult(status -> batch.forEach(customer -> enter(segment.key(), customer,
					"refresh-" + stamp, router::route)));
		}
		for (List<String> batch : batches(leaving)) {
			transaction.executeWithoutResult(status -> batch.forEach(customer -> exit(segment.key(), customer,
					"refresh-" + stamp, router::route)));
		}
		if (!entering.isEmpty() || !leaving.isEmpty()) {
			log.info("Segment {}: {} entered, {} left", segment.key(), entering.size(), leaving.size());
		}
	}

	/** flows: the pipeline's for a shop event's step, the router itself for a scheduled refresh. */
	private void enter(String segmentKey, String customerId, String cause, DerivedEvents flows) {
		jdbc.sql("insert into segment_members (segment_key, customer_id, entered_at) values (?, ?, ?)")
				.params(segmentKey, customerId, Timestamp.from(Instant.now(clock))).update();
		flows.raise(Raised.of(cause + "/" + ENTERED + "/" + segmentKey, ENTERED, customerId,
				Map.of("segmentKey", segmentKey)));
	}

	private void exit(String segmentKey, String customerId, String cause, DerivedEvents flows) {
		jdbc.sql("delete from segment_members where segment_key = ? and customer_id = ?").params(segmentKey, customerId)
				.update();
		flows.raise(Raised.of(cause + "/" + EXITED + "/" + segmentKey, EXITED, customerId,
				Map.of("segmentKey", segmentKey)));
	}

	private static List<List<String>> batches(List<String> ids) {
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += 500) {
			batches.add(ids.subList(i, Math.min(i + 500, ids.size())));
		}
		return batches;
	}
}
