package io.shopflow.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

	ErasedCustomers(LinkSigner signer, JdbcClient jdbc) {
		this.signer = signer;
		this.jdbc = jdbc;
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

	/** Sends keep a pseudonym after the erasure: an old open or click finds it among the erasures. */
	public boolean sendErased(long sendId) {
		return jdbc.sql("""
				select count(*) from send_log s join erasures e on e.pseudonym = s.customer_id where s.id = ?""")
				.param(sendId).query(Long.class).single() > 0;
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
