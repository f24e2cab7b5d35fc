package io.shopflow.timeline;

import java.util.List;

/** A capability's share of a customer's timeline. */
public interface TimelineSource {

	List<TimelineEntry> entriesOf(String customerId);
}
