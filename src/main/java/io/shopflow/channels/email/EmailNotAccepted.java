package io.shopflow.channels.email;

/** The SMTP server was unreachable or refused the email. */
public class EmailNotAccepted extends RuntimeException {

	EmailNotAccepted(Throwable cause) {
		super("SMTP did not accept the email: " + cause.getMessage(), cause);
	}
}
