package io.shopflow.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.shopflow.events.ShopEvent.Profile;
import io.shopflow.support.InsertIfAbsent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customer profiles. A row exists for every customer an event named, even before they registered. */
@Repository
public class Customers {

	private final JdbcClient jdbc;
	private final InsertIfAbsent inserts;
	private final Clock clock;

	Customers(JdbcClient jdbc, InsertIfAbsent inserts, Clock clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.clock = clock;
	}

	public Optional<Customer> find(String id) {
		return jdbc.sql("""
				select id, email, phone, first_name, last_name, locale, time_zone, birthday, paused_until
				from customers where id = ?""")
				.param(id)
				.query((rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
						rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
				.optional();
	}

	/** Pauses marketing until then; null resumes it. */
	public void pause(String id, Instant until) {
		jdbc.sql("update customers set paused_until = ?, updated_at = ? where id = ?")
				.params(until == null ? null : Timestamp.from(until), now(), id)
				.update();
	}

	/** Customers with this E.164 number (a family may share one). */
	public List<String> withPhone(String e164) {
		return jdbc.sql("select id from customers where phone = ?").param(e164).query(String.class).list();
	}

	/**
	 * Creates missing rows and locks them all, in id order so two batches cannot deadlock. Until the
	 * transaction ends, no other node processes events of these customers: routing decisions such as
	 * "is a flow already running for this cart?" cannot race.
	 */
	void lock(Collection<String> ids) {
		Timestamp now = now();
		inserts.insertAll("insert into customers (id, created_at, updated_at) values (?, ?, ?)", "id",
				List.copyOf(ids), (ps, id) -> {
					ps.setString(1, id);
					ps.setTimestamp(2, now);
					ps.setTimestamp(3, now);
				});
		if (!ids.isEmpty()) {
			jdbc.sql("select id from customers where id in (:ids) order by id for update").param("ids", ids).query()
					.listOfRows();
		}
	}

	/** Applies the fields the profile carries; absent fields keep their value. */
	void update(String id, Profile profile) {
		jdbc.sql("""
				update customers set
				  email = coalesce(:email, email), phone = coalesce(:phone, phone),
				  first_name = coalesce(:firstName, first_name), last_name = coalesce(:lastName, last_name),
				  locale = coalesce(:locale, locale), time_zone = coalesce(:timeZone, time_zone),
				  birthday = coalesce(:birthday, birthday), updated_at = :now
				where id = :id""")
				.param("email", profile.email())
				.param("phone", profile.phone())
				.param("firstName", profile.firstName())
				.param("lastName", profile.lastName())
				.param("locale", profile.locale())
				.param("timeZone", profile.timeZone())
				.param("birthday", profile.birthday())
				.param("now", now())
				.param("id", id)
				.update();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}
}
