package io.shopflow.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tombstones of erased customers, so that the links in emails they kept and the shop's late events do not bring
 * them back. A tombstone is a keyed hash of the id under the link key and the time, nothing else. It lives with the
 * link key because it is keyed by it, and because voiding the links of erased customers is most of what it does.
 */
@Repository
public class ErasedCustomers {

	private static final String PURPOSE = "erased-customer";

	private final LinkSigner signer;
	private final JdbcClient jdbc;
	private final TrackedSends sends;

	ErasedCustomers(LinkSigner signer, JdbcClient jdbc, TrackedSends sends) {
		this.signer = signer;
		this.jdbc = jdbc;
		this.sends = sends;
	}

	public boolean erased(String customerId) {
		return jdbc.sql("select count(*) from erased_customers where customer_hash = ?").param(hash(customerId))
				.query(Long.class).single() > 0;
	}

	/** When each of these customers was erased; customers not erased are left out. */
	public Map<String, Instant> erasedAt(Collection<String> customerIds) {
		Map<String, String> ids = new HashMap<>();
		customerIds.forEach(id -> ids.put(hash(id), id));
		Map<String, Instant> erased = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select customer_hash, erased_at from erased_customers where customer_hash in (:hashes)")
					.param("hashes", ids.keySet())
					.query((rs, n) -> erased.put(ids.get(rs.getString(1)), rs.getTimestamp(2).toInstant()))
					.list();
		}
		return erased;
	}

	/** Whether the send went to a customer erased since: an old open or click must not be recorded. */
	public boolean sendErased(long sendId) {
		TrackedSends.Send send = sends.find(List.of(sendId)).get(sendId);
		return send != null && !pseudonyms(List.of(send.customerId())).isEmpty();
	}

	/** Sends keep a pseudonym after the erasure: an old open or click finds it among the erasures. */
	Set<String> pseudonyms(Collection<String> sendCustomerIds) {
		if (sendCustomerIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select pseudonym from erasures where pseudonym in (:ids)")
				.param("ids", sendCustomerIds).query(String.class).list());
	}

	public void remember(String customerId, Instant erasedAt) {
		jdbc.sql("delete from erased_customers where customer_hash = ?").param(hash(customerId)).update();
		jdbc.sql("insert into erased_customers (customer_hash, erased_at) values (?, ?)")
				.params(hash(customerId), Timestamp.from(erasedAt)).update();
	}

	/** The customer registered again: a new customer under the old id, whose links and events count. */
	public void forget(String customerId) {
		jdbc.sql("delete from erased_customers where customer_hash = ?").param(hash(customerId)).update();
	}

	private String hash(String customerId) {
		return signer.keyedHash(PURPOSE, customerId);
	}
}
