package io.shopflow.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Emails go out one after another on a kept connection, and a dropped connection is replaced, against a real SMTP server. */
class SmtpConnectionsTest {

	final GreenMail server = new GreenMail(new ServerSetup(0, null, ServerSetup.PROTOCOL_SMTP));
	final JavaMailSenderImpl mail = new JavaMailSenderImpl();
	SmtpConnections connections;

	@AfterEach
	void stop() {
		connections.destroy();
		server.stop();
	}

	@Test
	void sendsEmailAfterEmailAndOpensANewConnectionAfterTheLimit() throws Exception {
		start(server, 2);
		for (int i = 1; i <= 5; i++) {
			connections.send(email(i));
		}
		assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject)
				.containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void aConnectionTheServerDroppedIsReplacedBeforeTheNextEmail() throws Exception {
		start(server, 100);
		connections.send(email(1));
		server.stop();
		GreenMail restarted = new GreenMail(new ServerSetup(mail.getPort(), null, ServerSetup.PROTOCOL_SMTP));
		restarted.start();
		try {
			connections.send(email(2));
			connections.send(email(3));
			assertThat(restarted.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("2", "3");
		}
		finally {
			restarted.stop();
		}
	}

	private void start(GreenMail greenMail, int emailsPerConnection) {
		greenMail.start();
		mail.setHost("localhost");
		mail.setPort(greenMail.getSmtp().getPort());
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		mail.setJavaMailProperties(properties);
		connections = new SmtpConnections(mail, new MailSettings("shop@example.com", emailsPerConnection));
	}

	private MimeMessage email(int number) throws MessagingException {
		MimeMessage message = mail.createMimeMessage();
		message.setFrom(new InternetAddress("shop@example.com"));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("customer@example.com"));
		message.setSubject(Integer.toString(number));
		message.setText("Hello " + number);
		return message;
	}
}
