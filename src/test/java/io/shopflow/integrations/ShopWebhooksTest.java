package io.shopflow.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import io.shopflow.EngineTest;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Recorded Shopify and WooCommerce webhook payloads (src/test/resources/webhooks) through their endpoints: the
 * mapping to shop events, a bad signature (401), and a redelivery that changes nothing.
 */
@EngineTest
class ShopWebhooksTest {

	static final String SHOPIFY_SECRET = "shpss_engine_test";
	static final String WOO_SECRET = "wc-engine-test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Test
	void shopifyCustomerCheckoutOrderAndFulfilmentBecomeShopEvents() throws Exception {
		String run = UUID.randomUUID().toString();
		shopify("customers/create", "customers-create.json", run + "-1").andExpect(status().isOk());
		assertThat(jdbc.sql("select email from customers where id = '7390123456789'").query(String.class).single())
				.isEqualTo("anna.berg@example.com");
		assertThat(consent("7390123456789")).isTrue();

		shopify("checkouts/create", "checkouts-create.json", run + "-2").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted.length()").value(2));
		var cart = runtime.createProcessInstanceQuery().processDefinitionKey("abandoned-cart")
				.processInstanceBusinessKey("7390123456789").variableValueEquals("cartId", "a1b2c3d4e5f60718293a4b5c6d7e8f90")
				.singleResult();
		assertThat(cart).as("the checkout is a cart").isNotNull();
		assertThat(runtime.getVariable(cart.getId(), "stage")).isEqualTo("checkout");
		shopify("checkouts/update", "checkouts-update.json", run + "-3").andExpect(status().isOk());
		assertThat(jdbc.sql("select total from carts where id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'").query(Double.class)
				.single()).isEqualTo(946.0);

		shopify("orders/create", "orders-create.json", run + "-4").andExpect(status().isOk());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(cart.getId()).count()).as("cart ended").isZero();
		assertThat(jdbc.sql("select total from orders where id = '5801234567890'").query(Double.class).single())
				.isEqualTo(946.0);
		shopify("orders/fulfilled", "orders-fulfilled.json", run + "-5").andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from shop_events where id = ?").param("shopify:" + run + "-5")
				.query(Long.class).single()).isEqualTo(1);

		shopify("customers/update", "customers-update.json", run + "-6").andExpect(status().isOk());
		assertThat(consent("7390123456789")).as("unsubscribed in Shopify").isFalse();
	}

	@Test
	void aRedeliveredShopifyWebhookIsNotAppliedTwice() throws Exception {
		String webhookId = UUID.randomUUID().toString();
		shopify("orders/create", "orders-create.json", webhookId).andExpect(status().isOk());
		long orders = jdbc.sql("select count(*) from shop_events where type = 'shop.order.placed'").query(Long.class).single();
		shopify("orders/create", "orders-create.json", webhookId).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from shop_events where type = 'shop.order.placed'").query(Long.class).single())
				.isEqualTo(orders);
	}

	@Test
	void aBadSignatureIsRejected() throws Exception {
		byte[] body = payload("shopify", "customers-create.json");
		mvc.perform(post("/hooks/shopify").contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-Shopify-Topic", "customers/create").header("X-Shopify-Webhook-Id", "x")
				.header("X-Shopify-Hmac-Sha256", sign(body, "another-secret")))
				.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.title").value("Bad webhook signature"));
		mvc.perform(post("/hooks/woocommerce").contentType(MediaType.APPLICATION_JSON)
				.content(payload("woocommerce", "order-created.json")).header("X-WC-Webhook-Topic", "order.created"))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void wooCommerceCustomerOrderAndCompletionBecomeShopEvents() throws Exception {
		woo("customer.created", "customer-created.json").andExpect(status().isOk());
		assertThat(jdbc.sql("select email from customers where id = '42'").query(String.class).single())
				.isEqualTo("jan.kowalski@example.com");

		woo("order.created", "order-created.json").andExpect(status().isOk());
		assertThat(jdbc.sql("select total from orders where id = '1234'").query(Double.class).single()).isEqualTo(259.98);
		long events = jdbc.sql("select count(*) from shop_events").query(Long.class).single();
		woo("order.created", "order-created.json").andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from shop_events").query(Long.class).single()).as("redelivered").isEqualTo(events);

		woo("order.updated", "order-updated-processing.json").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted.length()").value(0));
		woo("order.updated", "order-updated-completed.json").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted.length()").value(1));
		assertThat(jdbc.sql("select type from shop_events where id like 'woocommerce:order.updated:1234:%'")
				.query(String.class).list()).containsExactly("shop.order.delivered");

		mvc.perform(post("/hooks/woocommerce").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("webhook_id=7"))
				.andExpect(status().isOk());
	}

	private ResultActions shopify(String topic, String file, String webhookId) throws Exception {
		byte[] body = payload("shopify", file);
		return mvc.perform(post("/hooks/shopify").contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-Shopify-Topic", topic).header("X-Shopify-Webhook-Id", webhookId)
				.header("X-Shopify-Shop-Domain", "demo-shop.myshopify.com")
				.header("X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET)));
	}

	private ResultActions woo(String topic, String file) throws Exception {
		byte[] body = payload("woocommerce", file);
		return mvc.perform(post("/hooks/woocommerce").contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-WC-Webhook-Topic", topic).header("X-WC-Webhook-Source", "https://sklep.example.pl/")
				.header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
				.header("X-WC-Webhook-Signature", sign(body, WOO_SECRET)));
	}

	private Boolean consent(String customer) {
		return jdbc.sql("select granted from consents where customer_id = ? and channel = 'email'").param(customer)
				.query(Boolean.class).single();
	}

	private static byte[] payload(String platform, String file) throws Exception {
		return Files.readAllBytes(Path.of("src/test/resources/webhooks", platform, file));
	}

	private static String sign(byte[] body, String secret) {
		return Base64.getEncoder().encodeToString(ShopWebhook.hmac(body, secret));
	}
}
