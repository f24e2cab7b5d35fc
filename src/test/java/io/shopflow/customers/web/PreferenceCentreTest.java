package io.shopflow.customers.web;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.shopflow.CsrfForms;
import io.shopflow.EngineTest;
import io.shopflow.customers.CustomerLinks;
import io.shopflow.events.Channel;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.messaging.Messaging;
import io.shopflow.messaging.SendOutcome;
import io.shopflow.messaging.SendRequest;
import io.shopflow.tracking.LinkSigner;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@EngineTest
class PreferenceCentreTest {

	@Autowired
	MockMvc web;

	@Autowired
	LinkSigner links;

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	Messaging messaging;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerSeesAndChangesConsentAndPausesMarketing() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		intake.accept(parser.parse(registeredWithPhone(customer, "+46701234567", true).getBytes(StandardCharsets.UTF_8)));
		String page = "/preferences/" + links.sign(CustomerLinks.PREFERENCES, customer);

		MockHttpSession browser = new MockHttpSession();
		web.perform(get(page).session(browser)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Dina utskicksinställningar")))
				.andExpect(content().string(containsString("name=\"sms\" value=\"on\" checked")))
				.andExpect(content().string(not(containsString("name=\"push\" value=\"on\" checked"))));

		web.perform(post(page).param("email", "on").param("pause", "30")).andExpect(status().isForbidden()); // no CSRF token
		web.perform(post(page).session(browser).param("_csrf", CsrfForms.token(web, page, browser)).param("email", "on")
				.param("pause", "30")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Sparat")));

		assertThat(consent(customer, "sms")).isFalse();
		assertThat(consent(customer, "email")).isTrue();
		assertThat(jdbc.sql("select source from consent_changes where customer_id = ? and channel = 'sms' "
				+ "and granted = false").param(customer).query(String.class).single())
				.isEqualTo("shopflow:preference-centre");
		Instant paused = jdbc.sql("select paused_until from customers where id = ?").param(customer)
				.query(java.sql.Timestamp.class).single().toInstant();
		assertThat(paused).isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), org.assertj.core.api.Assertions.within(1,
				ChronoUnit.HOURS));
		SendOutcome outcome = messaging.send(new SendRequest("pause-" + customer, customer, "welcome", "Task_Send",
				"first-reminder", List.of(Channel.EMAIL), true, null, Map.of()));
		assertThat(outcome.reason()).isEqualTo("paused");
	}

	@Test
	void aSecondUnsubscribeAfterAResubscribeCounts() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		intake.accept(parser.parse(registered(customer, customer + "@example.com", "en", true)
				.getBytes(StandardCharsets.UTF_8)));
		String unsubscribe = "/unsubscribe/" + links.sign(CustomerLinks.UNSUBSCRIBE, customer + "\nemail");
		String page = "/preferences/" + links.sign(CustomerLinks.PREFERENCES, customer);

		web.perform(post(unsubscribe)).andExpect(status().isOk());
		web.perform(post(unsubscribe)).andExpect(status().isOk());
		assertThat(consent(customer, "email")).isFalse();
		MockHttpSession browser = new MockHttpSession();
		web.perform(post(page).session(browser).param("_csrf", CsrfForms.token(web, page, browser)).param("email", "on"))
				.andExpect(status().isOk());
		assertThat(consent(customer, "email")).isTrue();
		web.perform(post(unsubscribe)).andExpect(status().isOk());

		assertThat(consent(customer, "email")).as("consent after the second unsubscribe").isFalse();
		assertThat(jdbc.sql("select count(*) from consent_changes where customer_id = ? and channel = 'email'")
				.param(customer).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aCustomerWhoGaveWhatsAppConsentCanWithdrawItHere() throws Exception {
		String customer = "c-" + id().substring(0, 8);
		intake.accept(parser.parse(event(id(), "shop.customer.registered", customer, """
				{"email":"%s@example.com","locale":"en","phone":"+46701234599",
				 "consent":{"email":true,"sms":true,"whatsapp":true}}""".formatted(customer))
				.getBytes(StandardCharsets.UTF_8)));
		String page = "/preferences/" + links.sign(CustomerLinks.PREFERENCES, customer);
		MockHttpSession browser = new MockHttpSession();
		web.perform(get(page).session(browser)).andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"whatsapp\" value=\"on\" checked")));

		// the form as the browser posts it with only the email box left ticked
		web.perform(post(page).session(browser).param("_csrf", CsrfForms.token(web, page, browser))
				.param("offered", "email", "sms", "push", "whatsapp").param("email", "on")).andExpect(status().isOk());

		assertThat(consent(customer, "whatsapp")).isFalse();
		assertThat(consent(customer, "sms")).isFalse();
		assertThat(consent(customer, "email")).isTrue();
		web.perform(get(page).session(browser)).andExpect(content().string(not(containsString("name=\"whatsapp\""))));
	}

	@Test
	void aForgedLinkShowsNothing() throws Exception {
		web.perform(get("/preferences/" + links.sign("unsubscribe", "c-1"))).andExpect(status().isNotFound());
		web.perform(post("/preferences/bm9wZQ.AAAA")).andExpect(status().isForbidden()); // no form of ours posted it
	}

	private boolean consent(String customer, String channel) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = ?").params(customer, channel)
				.query(Boolean.class).single();
	}
}
