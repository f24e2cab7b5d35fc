package io.shopflow.tracking;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

import io.shopflow.support.InsertIfAbsent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The link signing key: shopflow.links.secret, or one generated on first start and kept in the database,
 * so links in emails already sent keep working after a restart and on every node.
 */
@Component
class LinkSecret {

	private static final String NAME = "links";

	private final String value;

	LinkSecret(@Value("${shopflow.links.secret:}") String configured, JdbcClient jdbc, InsertIfAbsent inserts) {
		this.value = StringUtils.hasText(configured) ? configured : stored(jdbc, inserts);
	}

	String value() {
		return value;
	}

	private static String stored(JdbcClient jdbc, InsertIfAbsent inserts) {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		inserts.insert("insert into secrets (name, secret, created_at) values (?, ?, ?)", "name", NAME,
				Base64.getEncoder().encodeToString(bytes), Timestamp.from(Instant.now()));
		return jdbc.sql("select secret from secrets where name = ?").param(NAME).query(String.class).single();
	}
}
