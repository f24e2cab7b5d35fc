package io.shopflow.channels.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * from: the sender of every email, e.g. "Shop <no-reply@shop.example>". emailsPerConnection: how many emails
 * one SMTP connection carries before it is closed and a new one opened (1: a connection for every email).
 */
@ConfigurationProperties("shopflow.mail")
record MailSettings(String from, @DefaultValue("100") int emailsPerConnection) {

	MailSettings {
		if (emailsPerConnection < 1) {
			throw new IllegalArgumentException("shopflow.mail.emails-per-connection must be 1 or more");
		}
	}
}
