package io.shopflow.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.shopflow.EngineTest;
import io.shopflow.customers.CustomerLinks;
import io.shopflow.tracking.LinkSigner;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Recorded Shopify and WooCommerce webhook payloads (src/test/resources/webhooks) through their endpoints: the
 * mapping to shop events, a bad signature (401), a redelivery that changes nothing, a replay under a new webhook
 * id that grants no consent withdrawn since, and signed bodies that are malformed (400 naming the field).
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

	@Autowired
	LinkSigner links;

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

	@Test
	void aReplayedCustomerWebhookGrantsNoConsentWithdrawnSince() throws Exception {
		String customer = Long.toString(8_000_000_000_000L + (long) (Math.random() * 1_000_000_000L));
		byte[] created = new String(payload("shopify", "customers-create.json"), StandardCharsets.UTF_8)
				.replace("7390123456789", customer).getBytes(StandardCharsets.UTF_8);
		shopify("customers/create", created, UUID.randomUUID().toString(), null).andExpect(status().isOk());
		assertThat(consent(customer)).isTrue();

		mvc.perform(post("/unsubscribe/{token}", links.sign(CustomerLinks.UNSUBSCRIBE, customer + "\nemail")))
				.andExpect(status().isOk());
		assertThat(consent(customer)).isFalse();
		long events = jdbc.sql("select count(*) from shop_events where subject = ?").param(customer).query(Long.class)
				.single();

		// captured and replayed under a new webhook id, with a trigger time of now: the same customer as of its
		// updated_at, so the same event, and older than the unsubscribe anyway
		shopify("customers/create", created, UUID.randomUUID().toString(), Instant.now().toString())
				.andExpect(status().isOk());
		assertThat(consent(customer)).as("the replay grants nothing").isFalse();
		assertThat(jdbc.sql("select count(*) from shop_events where subject = ?").param(customer).query(Long.class)
				.single()).as("recognised as the same event").isEqualTo(events);

		// the same consent as a customers/update of the same time: a new event, but older than the unsubscribe
		shopify("customers/update", created, UUID.randomUUID().toString(), null).andExpect(status().isOk());
		assertThat(consent(customer)).as("older than the unsubscribe").isFalse();

		// subscribed again in Shopify after the unsubscribe: that counts
		String later = Instant.now().plusSeconds(1).toString();
		byte[] resubscribed = new String(created, StandardCharsets.UTF_8)
				.replace("\"updated_at\": \"2024-11-04T10:12:33+01:00\"", "\"updated_at\": \"" + later + "\"")
				.replace("\"consent_updated_at\": \"2024-11-04T10:12:33+01:00\"", "\"consent_updated_at\": \"" + later + "\"")
				.getBytes(StandardCharsets.UTF_8);
		shopify("customers/update", resubscribed, UUID.randomUUID().toString(), null).andExpect(status().isOk());
		assertThat(consent(customer)).as("subscribed again in Shopify").isTrue();
		assertThat(jdbc.sql("select count(*) from consent_changes where customer_id = ? and channel = 'email'")
				.param(customer).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aSignedButMalformedBodyIsABadRequestNamingTheField() throws Exception {
		malformedShopify("customers/create", "[]", "#");
		malformedShopify("customers/create", "\"x\"", "#");
		malformedShopify("customers/create", "{\"id\":{}}", "#/id");
		malformedShopify("customers/create", "{\"id\":1,\"email\":\"a", "#");
		malformedShopify("customers/create", "", "#");
		malformedShopify("customers/update", "{\"id\":1,\"email\":[\"a\"]}", "#/email");
		malformedShopify("customers/update", "{\"id\":1,\"updated_at\":\"yesterday\"}", "#/updated_at");
		malformedShopify("customers/update", "{\"id\":1,\"email_marketing_consent\":\"yes\"}",
				"#/email_marketing_consent");
		malformedShopify("customers/update", "{\"id\":1,\"accepts_marketing\":\"yes\"}", "#/accepts_marketing");
		malformedShopify("orders/create", "{\"customer\":[1]}", "#/customer");
		malformedShopify("orders/create", "{\"id\":1,\"customer\":{\"id\":2},\"line_items\":[{\"quantity\":\"two\"}]}",
				"#/line_items/0/quantity");
		malformedShopify("orders/create", "{\"id\":1,\"customer\":{\"id\":2},\"total_price\":\"lots\"}",
				"#/total_price");
		malformedShopify("checkouts/create", "{\"customer\":{\"id\":2},\"line_items\":[7]}", "#/token");
		malformedShopify("checkouts/update", "{\"customer\":{\"id\":2},\"token\":\"t\",\"line_items\":{}}",
				"#/line_items");

		malformedWoo("customer.created", "[]", "#");
		malformedWoo("customer.created", "{\"id\":{}}", "#/id");
		malformedWoo("customer.updated", "{\"id\":1,\"date_modified_gmt\":5}", "#/date_modified_gmt");
		malformedWoo("customer.updated", "{\"id\":1,\"billing\":[]}", "#/billing");
		malformedWoo("order.created", "{\"id\":1,\"customer_id\":5,\"total\":{}}", "#/total");
		malformedWoo("order.created", "{\"id\":1,\"customer_id\":5,\"line_items\":[{\"price\":\"x\"}]}",
				"#/line_items/0/price");
		malformedWoo("order.updated", "{\"id\":1,\"customer_id\":5,\"status\":\"completed\",\"coupon_lines\":[\"x\"]}",
				"#/coupon_lines/0");
	}

	private void malformedShopify(String topic, String body, String pointer) throws Exception {
		shopify(topic, body.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString(), null)
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value(pointer));
	}

	private void malformedWoo(String topic, String body, String pointer) throws Exception {
		woo(topic, body.getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].pointer").value(pointer));
	}

	private ResultActions shopify(String topic, String file, String webhookId) throws Exception {
		return shopify(topic, payload("shopify", file), webhookId, null);
	}

	private ResultActions shopify(String topic, byte[] body, String webhookId, String triggeredAt) throws Exception {
		var request = post("/hooks/shopify").contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-Shopify-Topic", topic).header("X-Shopify-Webhook-Id", webhookId)
				.header("X-Shopify-Shop-Domain", "demo-shop.myshopify.com")
				.header("X-Shopify-Hmac-Sha256", sign(body, SHOPIFY_SECRET));
		return mvc.perform(triggeredAt == null ? request : request.header("X-Shopify-Triggered-At", triggeredAt));
	}

	private ResultActions woo(String topic, String file) throws Exception {
		return woo(topic, payload("woocommerce", file));
	}

	private ResultActions woo(String topic, byte[] body) throws Exception {
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
