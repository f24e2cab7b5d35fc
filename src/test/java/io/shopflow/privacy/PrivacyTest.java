package io.shopflow.privacy;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GDPR: the export holds the customer's data and its history; after the erasure their email address is
 * nowhere in the database, Camunda's history tables included, and only a record of the erasure stays.
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
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	final String customer = "c-gdpr-" + id().substring(0, 8);
	final String email = customer + "@privacy.example.com";

	@Test
	void theExportHoldsTheDataAndItsHistory() throws Exception {
		aCustomerWithHistory();

		mvc.perform(get("/api/customers/{id}/export", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.profile.email").value(email))
				.andExpect(jsonPath("$.consentHistory[0].consentVersion").value("newsletter-2026-03"))
				.andExpect(jsonPath("$.consentHistory[0].consentText").value("Yes, send me offers by email."))
				.andExpect(jsonPath("$.events.length()").value(3))
				.andExpect(jsonPath("$.events[0].data.email").value(email))
				.andExpect(jsonPath("$.orders[0].lines[0].productId").value("p-1"))
				.andExpect(jsonPath("$.messages[0].flow").exists())
				.andExpect(jsonPath("$.flows[0].flow").exists());
		mvc.perform(get("/api/customers/{id}/export", customer)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/customers/{id}/export", "nobody").header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
	}

	@Test
	void afterTheErasureTheEmailAddressIsNowhereInTheDatabase() throws Exception {
		aCustomerWithHistory();
		assertThat(tablesHolding(email)).as("before").isNotEmpty();

		mvc.perform(delete("/api/customers/{id}", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.erased.flowInstances").isNumber());

		assertThat(tablesHolding(email)).as("tables holding the email address after the erasure").isEmpty();
		assertThat(tablesHolding(customer)).as("tables holding the customer id after the erasure").isEmpty();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).count()).isZero();
		assertThat(jdbc.sql("select count(*) from erasures").query(Long.class).single()).isPositive();
		mvc.perform(get("/api/customers/{id}/export", customer).header("Authorization", "Bearer engine-test"))
				.andExpect(status().isNotFound());
	}

	/** Registered with a worded consent, a welcome email sent, a cart and an order. */
	private void aCustomerWithHistory() {
		send(event(id(), "shop.customer.registered", customer, """
				{"email":"%s","firstName":"Eva","locale":"en","consent":{"email":true,
				 "text":"Yes, send me offers by email.","version":"newsletter-2026-03"}}""".formatted(email)));
		send(cartUpdated(id(), customer, "cart-" + customer, "Red Teapot"));
		runJobs();
		send(orderPlaced(customer, "cart-" + customer));
		runJobs();
		assertThat(jdbc.sql("select count(*) from outbox where recipient = ?").param(email).query(Long.class).single())
				.isPositive();
	}

	private void runJobs() {
		for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer).list()) {
			for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
				management.executeJob(job.getId());
			}
		}
	}

	private void send(String json) {
		intake.accept(parser.parse(json.getBytes(StandardCharsets.UTF_8)));
	}

	/** Every text and binary column of every table, searched for the value. */
	private List<String> tablesHolding(String value) {
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where table_schema = 'PUBLIC' and (data_type like '%CHAR%' or data_type like '%LOB%'
				  or data_type like '%BINARY%' or data_type = 'JSON')""").query().listOfRows();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("TABLE_NAME");
			String name = (String) column.get("COLUMN_NAME");
			List<Object> values = jdbc.sql("select \"" + name + "\" from \"" + table + "\" where \"" + name + "\" is not null")
					.query((rs, n) -> rs.getObject(1)).list();
			for (Object cell : values) {
				if (text(cell).contains(value)) {
					found.add(table + "." + name);
					break;
				}
			}
		}
		return found;
	}

	private static String text(Object cell) {
		try {
			if (cell instanceof byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.ISO_8859_1);
			}
			if (cell instanceof Blob blob) {
				byte[] bytes = blob.getBytes(1, (int) blob.length());
				return new String(bytes, StandardCharsets.UTF_8);
			}
			if (cell instanceof Clob clob) {
				return clob.getSubString(1, (int) clob.length());
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return String.valueOf(cell);
	}
}
