package io.shopflow.channels.email;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One open SMTP connection per sending thread, used for one email after another. A new connection for every
 * email (connect, EHLO, STARTTLS and AUTH where the server wants them, QUIT) costs more round trips than the
 * email itself. A kept connection is checked (NOOP, one round trip) before each email and replaced when the
 * server dropped it, so a server restart or idle timeout costs no failed send; one that failed is closed and
 * never used again, so a failure is reported exactly as with a connection of its own, and "may it have gone
 * out?" is answered as before.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class SmtpConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private final JavaMailSenderImpl mail;
	private final int emailsPerConnection;
	private final ThreadLocal<Connection> current = new ThreadLocal<>();
	private final Set<Connection> open = ConcurrentHashMap.newKeySet();

	SmtpConnections(JavaMailSenderImpl mail, MailSettings settings) {
		this.mail = mail;
		this.emailsPerConnection = settings.emailsPerConnection();
	}

	void send(MimeMessage message) throws MessagingException {
		Connection connection = usable(current.get());
		try {
			if (message.getSentDate() == null) {
				message.setSentDate(new Date());
			}
			message.saveChanges();
			connection.transport.sendMessage(message, message.getAllRecipients());
			connection.sent++;
		}
		catch (MessagingException | RuntimeException e) {
			close(connection);
			throw e;
		}
		if (connection.sent >= emailsPerConnection) {
			close(connection);
		}
	}

	private Connection usable(Connection connection) throws MessagingException {
		if (connection != null && !connection.transport.isConnected()) {
			close(connection);
			connection = null;
		}
		if (connection == null) {
			String protocol = mail.getProtocol() != null ? mail.getProtocol() : "smtp";
			Transport transport = mail.getSession().getTransport(protocol);
			transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
			connection = new Connection(transport);
			current.set(connection);
			open.add(connection);
		}
		return connection;
	}

	private void close(Connection connection) {
		current.remove();
		open.remove(connection);
		try {
			connection.transport.close();
		}
		catch (MessagingException e) {
			log.debug("Closing an SMTP connection failed: {}", e.toString());
		}
	}

	@Override
	public void destroy() {
		open.forEach(this::close);
	}

	private static final class Connection {

		final Transport transport;
		int sent;

		Connection(Transport transport) {
			this.transport = transport;
		}
	}
}
