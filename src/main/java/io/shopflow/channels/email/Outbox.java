package io.shopflow.channels.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emails kept instead of sent, while Shopflow runs without an SMTP server. */
@Repository
class Outbox {

	record Entry(long id, String to, String from, String subject, String html, String text,
			Map<String, String> headers, Instant createdAt) {
	}

	private static final String SELECT = "select id, recipient, sender, subject, html, text_body, headers, created_at from outbox";

	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final Clock clock;

	Outbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	void add(String from, Email email) {
		jdbc.sql("""
				insert into outbox (recipient, sender, subject, html, text_body, headers, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
				.params(email.to(), from, email.subject(), email.html(), email.text(), write(email.headers()),
						Timestamp.from(Instant.now(clock)))
				.update();
	}

	List<Entry> latest(int limit) {
		return jdbc.sql(SELECT + " order by id desc limit ?").param(limit).query(this::entry).list();
	}

	Optional<Entry> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::entry).optional();
	}

	private Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), read(rs.getString(7)), rs.getTimestamp(8).toInstant());
	}

	private String write(Map<String, String> headers) {
		try {
			return json.writeValueAsString(headers);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, String> read(String headers) {
		try {
			return json.readValue(headers, new TypeReference<>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
