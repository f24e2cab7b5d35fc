package io.shopflow.channels.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Without spring.mail.host, first runs work anyway: emails land in the outbox at /outbox. */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class OutboxEmailSender implements EmailSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxEmailSender.class);

	private final Outbox outbox;
	private final MailSettings settings;

	OutboxEmailSender(Outbox outbox, MailSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	@Override
	public void send(Email email) {
		outbox.add(settings.from(), email);
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		log.warn("No spring.mail.host set: emails are kept in the outbox (GET /outbox with the API token), not sent.");
	}
}
