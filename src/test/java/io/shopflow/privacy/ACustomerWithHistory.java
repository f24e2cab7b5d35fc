package io.shopflow.privacy;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.tracking.TrackingRecorder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A customer registered with a worded consent, a phone and a name, a welcome email sent, a cart and an order; each
 * value unique, so a scan of the whole database finds this customer's data only.
 */
final class ACustomerWithHistory {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/(?:t/o|t/c|unsubscribe|preferences)/"
			+ "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	private final EventIntake intake;
	private final EventParser parser;
	private final RuntimeService runtime;
	private final ManagementService management;
	private final TrackingRecorder recorder;
	private final JdbcClient jdbc;
	private final MockMvc mvc;
	private final Map<String, String> emails = new HashMap<>();

	ACustomerWithHistory(ApplicationContext context, MockMvc mvc) {
		this.intake = context.getBean(EventIntake.class);
		this.parser = context.getBean(EventParser.class);
		this.runtime = context.getBean(RuntimeService.class);
		this.management = context.getBean(ManagementService.class);
		this.recorder = context.getBean(TrackingRecorder.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.mvc = mvc;
	}

	/** What the customer left behind, and the links of their welcome email. */
	record Customer(String id, String email, String phone, String firstName, String lastName, String ip,
			String userAgent) {

		String[] personalData() {
			return new String[] { id, email, phone, firstName, lastName, ip, userAgent };
		}
	}

	Customer create() {
		String suffix = id().substring(0, 8);
		Customer customer = new Customer("c-gdpr-" + suffix, "c-gdpr-" + suffix + "@privacy.example.com",
				"+4670" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Evangelina" + suffix,
				"Lindqvist" + suffix, "2001:db8::" + suffix.substring(0, 4), "ProbeMail/" + suffix);
		send(event(id(), "shop.customer.registered", customer.id(), """
				{"email":"%s","firstName":"%s","lastName":"%s","phone":"%s","locale":"en","birthday":"1990-05-17",
				 "consent":{"email":true,"text":"Yes, send me offers by email.","version":"newsletter-2026-03"}}"""
				.formatted(customer.email(), customer.firstName(), customer.lastName(), customer.phone())));
		send(cartUpdated(id(), customer.id(), "cart-" + customer.id(), "Red Teapot"));
		runJobs(customer.id());
		send(orderPlaced(customer.id(), "cart-" + customer.id()));
		runJobs(customer.id());
		assertThat(welcomeEmail(customer)).isNotNull();
		return customer;
	}

	/** The customer opens the welcome email and clicks its first link, from their device. */
	void openAndClick(Customer customer) throws Exception {
		mvc.perform(fromDevice(get(link(customer, "/t/o/")), customer)).andExpect(status().isOk());
		mvc.perform(fromDevice(get(link(customer, "/t/c/")), customer)).andExpect(status().isFound());
		recorder.flush();
	}

	MockHttpServletRequestBuilder fromDevice(MockHttpServletRequestBuilder request, Customer customer) {
		return request.header("User-Agent", customer.userAgent()).with(r -> {
			r.setRemoteAddr(customer.ip());
			return r;
		});
	}

	/** The first link of the welcome email starting with this path, e.g. /unsubscribe/. */
	String link(Customer customer, String path) {
		Matcher links = LINK.matcher(welcomeEmail(customer));
		while (links.find()) {
			if (links.group(1).startsWith(path)) {
				return links.group(1);
			}
		}
		throw new AssertionError("no " + path + " link in the welcome email");
	}

	/** Kept once read: the erasure deletes the outbox copy, the links stay in the customer's mailbox. */
	private String welcomeEmail(Customer customer) {
		return emails.computeIfAbsent(customer.id(), id -> jdbc.sql("select html from outbox where recipient = ? order by id")
				.param(customer.email()).query(String.class).list().get(0));
	}

	void runJobs(String customer) {
		for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).list()) {
			for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
				management.executeJob(job.getId());
			}
		}
	}

	void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}
}
