package io.shopflow.tracking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The sends that opens and clicks are about, and the marks they leave on them. Messaging keeps the sends and
 * implements this, as it does timeline.TimelineSource: messaging uses tracking for its links, so tracking calling
 * messaging would make the two a cycle.
 */
public interface TrackedSends {

	/** What tracking needs of a send; sentAt is null until it went out. */
	record Send(long id, String customerId, String flow, String step, Instant sentAt) {
	}

	/** A person opened the send, or clicked in it, which is an open too. */
	record PersonTouch(long sendId, Instant at, boolean click) {
	}

	/** The sends of these ids, by id; an id of no send is left out. */
	Map<Long, Send> find(Collection<Long> sendIds);

	/** Keeps the first time a person opened and clicked each send, for the statistics. */
	void touchedByPeople(List<PersonTouch> touches);

	/** Apple Mail Privacy Protection fetched the images: neither a person's open nor a scanner's. */
	void openedByApplePrivacy(Collection<Long> sendIds);

	/** A scanner or an image proxy fetched the pixel. */
	void openedByMachines(Collection<Long> sendIds);
}
