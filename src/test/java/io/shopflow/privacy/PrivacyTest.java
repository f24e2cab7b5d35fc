package io.shopflow.privacy;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;
import io.shopflow.segments.Segments;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GDPR: the export holds the customer's data and its history; after the erasure nothing that names the customer
 * is anywhere in the database, Camunda's tables included: only a record of the erasure and a keyed hash of the id.
 */
@EngineTest
class PrivacyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventParser parser;

	@Autowired
	EventIntake intake;

	@Autowired
	Segments segments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ACustomerWithHistory history;

	@BeforeEach
	void helpers() {
		history = new ACustomerWithHistory(context, mvc);
	}

	@Test
	void theExportHoldsTheDataAndItsHistory() throws Exception {
		var customer = history.create();

		mvc.perform(get("/api/customers/{id}/export", customer.id()).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.profile.email").value(customer.email()))
				.andExpect(jsonPath("$.consentHistory[0].consentVersion").value("newsletter-2026-03"))
				.andExpect(jsonPath("$.consentHistory[0].consentText").value("Yes, send me offers by email."))
				.andExpect(jsonPath("$.events.length()").value(3))
				.andExpect(jsonPath("$.events[0].data.email").value(customer.email()))
				.andExpect(jsonPath("$.orders[0].lines[0].productId").value("p-1"))
				.andExpect(jsonPath("$.messages[0].flow").exists())
				.andExpect(jsonPath("$.flows[0].flow").exists());
		mvc.perform(get("/api/customers/{id}/export", customer.id())).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/customers/{id}/export", "nobody").header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
	}

	@Test
	void afterTheErasureNothingNamesTheCustomerAnywhereInTheDatabase() throws Exception {
		var customer = history.create();
		segments.save("privacy-test", "Privacy test", new ObjectMapper().readTree(
				"{\"profile\":\"email\",\"startsWith\":\"c-gdpr-\"}"));
		history.openAndClick(customer);
		send(cartUpdated(id(), customer.id(), "cart-2-" + customer.id(), "Blue Teapot"));
		DatabaseScan scan = new DatabaseScan(jdbc);
		var before = scan.find(customer.personalData());
		for (String value : customer.personalData()) {
			assertThat(before).as("before").anyMatch(found -> found.endsWith(" holds " + value));
		}
		assertThat(jdbc.sql("select count(*) from segment_members where customer_id = ?").param(customer.id())
				.query(Long.class).single()).as("a segment member").isOne();
		long tombstones = jdbc.sql("select count(*) from erased_customers").query(Long.class).single();

		mvc.perform(delete("/api/customers/{id}", customer.id()).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.erased.flowInstances").isNumber());

		assertThat(scan.find(customer.personalData())).as("what still names the customer after the erasure").isEmpty();
		assertThat(jdbc.sql("select count(*) from erasures").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select customer_hash from erased_customers").query(String.class).list())
				.hasSize((int) tombstones + 1).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
		mvc.perform(get("/api/customers/{id}/export", customer.id()).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
	}

	@Test
	void aCustomerKnownOnlyFromACartIsErasedToo() throws Exception {
		String customer = "c-cart-only-" + id().substring(0, 8);
		send(cartUpdated(id(), customer, "cart-" + customer, "Red Teapot"));

		mvc.perform(delete("/api/customers/{id}", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.erased.carts").value(1));

		assertThat(new DatabaseScan(jdbc).find(customer)).isEmpty();
		mvc.perform(get("/api/customers/{id}/export", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
	}

	@Test
	void anIdWithAnyCharactersIsExportedAndErasedByQueryParameter() throws Exception {
		String customer = "c/%;\\?#& ä+" + id().substring(0, 8);
		send(cartUpdated(id(), customer.replace("\\", "\\\\"), "cart-" + id(), "Red Teapot"));

		mvc.perform(get("/api/customers/export").param("id", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.profile.id").value(customer));
		mvc.perform(get("/api/customers/timeline").param("id", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].kind").value("event"));
		mvc.perform(get("/api/customers/{id}/export", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(result -> assertThat(result.getResponse().getStatus()).as("path form").isLessThan(500));
		mvc.perform(delete("/api/customers").param("id", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk());

		assertThat(new DatabaseScan(jdbc).find(customer)).isEmpty();
		mvc.perform(get("/api/customers/export").param("id", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/customers/export").header("Authorization", "Bearer engine-test"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void aPlainIdWithUnicodeWorksPathEncoded() throws Exception {
		String customer = "kund ä+ö-" + id().substring(0, 8);
		send(cartUpdated(id(), customer, "cart-" + id(), "Red Teapot"));

		// Tomcat decodes paths as UTF-8 (server.tomcat.uri-encoding); MockMvc's requests need telling
		mvc.perform(get("/api/customers/{id}/export", customer).characterEncoding("UTF-8")
				.header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.profile.id").value(customer));
		mvc.perform(delete("/api/customers/{id}", customer).characterEncoding("UTF-8")
				.header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk());
	}

	private void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}
}
