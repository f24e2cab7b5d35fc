package io.shopflow.channels.email;

/** Hands an email to SMTP, or to the outbox while no SMTP server is configured. */
public interface EmailSender {

	/** Throws when the email was not taken; then it was not sent. */
	void send(Email email);
}
