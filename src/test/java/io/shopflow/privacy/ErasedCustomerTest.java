package io.shopflow.privacy;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import io.shopflow.CsrfForms;
import io.shopflow.EngineTest;
import io.shopflow.tracking.LinkSigner;
import io.shopflow.tracking.TrackingRecorder;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An erased customer stays erased: the links in the emails they kept answer 410 Gone and record nothing, and
 * the shop's events about them are accepted and dropped, until they register again.
 */
@EngineTest
class ErasedCustomerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	LinkSigner links;

	@Autowired
	TrackingRecorder recorder;

	@Autowired
	RuntimeService runtime;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ACustomerWithHistory history;
	ACustomerWithHistory.Customer customer;
	final org.springframework.mock.web.MockHttpSession browser = new org.springframework.mock.web.MockHttpSession();
	String csrf;

	@BeforeEach
	void anErasedCustomer() throws Exception {
		history = new ACustomerWithHistory(context, mvc);
		customer = history.create();
		history.openAndClick(customer);
		// the customer had their preference centre open in a browser before the erasure
		csrf = CsrfForms.token(mvc, history.link(customer, "/preferences/"), browser);
		mvc.perform(delete("/api/customers/{id}", customer.id()).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk());
	}

	@Test
	void theOldLinksAnswerGoneAndRecordNothing() throws Exception {
		String unsubscribe = history.link(customer, "/unsubscribe/");
		String preferences = history.link(customer, "/preferences/");

		mvc.perform(history.fromDevice(get(history.link(customer, "/t/o/")), customer)).andExpect(status().isGone());
		mvc.perform(history.fromDevice(get(history.link(customer, "/t/c/")), customer)).andExpect(status().isGone());
		mvc.perform(get(unsubscribe)).andExpect(status().isGone());
		mvc.perform(post(unsubscribe)).andExpect(status().isGone());
		mvc.perform(get(preferences)).andExpect(status().isGone());
		mvc.perform(post(preferences).session(browser).param("_csrf", csrf).param("email", "on"))
				.andExpect(status().isGone());
		mvc.perform(get("/survey/" + links.sign(LinkSigner.SURVEY, customer.id() + "\nwin-back")).param("answer", "price"))
				.andExpect(status().isGone());
		recorder.flush();

		assertThat(new DatabaseScan(jdbc).find(customer.personalData())).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer.id()).count()).isZero();
	}

	@Test
	void theShopsEventsAboutThemAreAcceptedAndDropped() {
		double dropped = dropped();

		history.send(cartUpdated(id(), customer.id(), "cart-3-" + customer.id(), "Green Teapot"));
		history.send(event(id(), "shop.customer.updated", customer.id(), """
				{"email":"%s","phone":"%s","consent":{"email":true}}""".formatted(customer.email(), customer.phone())));
		String before = clock.instant().minus(Duration.ofMinutes(1)).toString();
		history.send(registered(customer.id(), customer.email(), "en", true).replace("2026-11-24T10:00:00Z", before));

		assertThat(dropped() - dropped).as("dropped events").isEqualTo(3);
		assertThat(new DatabaseScan(jdbc).find(customer.personalData())).isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer.id()).count()).isZero();
	}

	@Test
	void aRegistrationAfterTheErasureStartsAFreshCustomer() throws Exception {
		String later = clock.instant().plus(Duration.ofMinutes(1)).toString();
		String email = "again-" + customer.email();
		history.send(event(id(), "shop.customer.registered", customer.id(), """
				{"email":"%s","locale":"en","consent":{"email":true}}""".formatted(email)).replace("2026-11-24T10:00:00Z",
						later));

		assertThat(jdbc.sql("select email from customers where id = ?").param(customer.id()).query(String.class).single())
				.isEqualTo(email);
		assertThat(jdbc.sql("select count(*) from consent_changes where customer_id = ?").param(customer.id())
				.query(Long.class).single()).isOne();
		mvc.perform(get(history.link(customer, "/t/o/"))).andExpect(status().isGone());
		mvc.perform(get(history.link(customer, "/preferences/"))).andExpect(status().isOk());
	}

	private double dropped() {
		return meters.find("shopflow.events.dropped").tag("reason", "customer-erased").counters().stream()
				.mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
	}
}
