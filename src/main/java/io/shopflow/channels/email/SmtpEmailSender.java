package io.shopflow.channels.email;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class SmtpEmailSender implements EmailSender {

	private final JavaMailSender mail;
	private final SmtpConnections connections;
	private final MailSettings settings;

	SmtpEmailSender(JavaMailSender mail, SmtpConnections connections, MailSettings settings) {
		this.mail = mail;
		this.connections = connections;
		this.settings = settings;
		KnownStreamProvider.name();
	}

	@Override
	public void send(Email email) {
		MimeMessage message = new FixedIdMimeMessage(mail.createMimeMessage(), email.messageId());
		try {
			MimeMessageHelper helper = new Helper(message);
			helper.setFrom(settings.from());
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			if (email.html() != null) {
				helper.setText(email.text(), email.html());
			}
			else {
				helper.setText(email.text());
			}
			for (var header : email.headers().entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
		}
		catch (MessagingException e) {
			throw new IllegalArgumentException("Cannot build email to " + email.to(), e);
		}
		try {
			connections.send(message);
		}
		catch (MessagingException e) {
			throw new EmailNotAccepted(e);
		}
	}

	/**
	 * MimeMessageHelper parses the whole mime.types file for every message that is not the sender's own kind
	 * (ours keeps its Message-ID, below): over a third of a send's CPU in the send benchmark. Our mails carry no
	 * attachments, so one shared map does.
	 */
	private static final class Helper extends MimeMessageHelper {

		private static final FileTypeMap FILE_TYPES = defaultFileTypes();

		Helper(MimeMessage message) throws MessagingException {
			super(message, true, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return FILE_TYPES;
		}

		private static FileTypeMap defaultFileTypes() {
			ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
			types.afterPropertiesSet();
			return types;
		}
	}

	/** Keeps our Message-ID: JavaMail would otherwise replace it with a random one on send. */
	private static final class FixedIdMimeMessage extends MimeMessage {

		private final String messageId;

		FixedIdMimeMessage(MimeMessage original, String messageId) {
			super(original.getSession());
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
