package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One shop's day through the whole catalogue: 300 generated customers register or subscribe (a quarter without
 * email consent), browse, fill carts, some check out, some order and some get their order delivered. Then:
 * no customer gets two messages from the same step, no marketing message goes without consent, every order
 * ends that customer's cart and browse flows, and every consenting customer who left a cart is reminded.
 */
class RealisticDayIT extends IntegrationTestBase {

	static final int CUSTOMERS = 300;
	static final String[] PRODUCTS = { "lamp", "vase", "mug", "tea", "rug", "chair", "plaid", "candle", "frame",
			"shelf", "clock", "bowl" };
	static final Set<String> TRANSACTIONAL = Set.of("Task_SendThankYouFirst", "Task_SendThankYou");

	@Autowired
	RuntimeService runtime;

	final Random random = new Random(20261124);
	final String day = "day-" + id().substring(0, 6) + "-";
	final Set<String> consenting = new HashSet<>();
	final Set<String> ordering = new HashSet<>();
	final Set<String> abandoning = new HashSet<>();

	@Test
	void theWholeCatalogueHandlesADayOfEvents() {
		for (int i = 0; i < CUSTOMERS; i++) {
			assertThat(postEvents(batch(dayOf(day + i).toArray(String[]::new))).statusCode()).isEqualTo(202);
		}
		awaitQuiet();

		List<MimeMessage> emails = Arrays.stream(smtp.getReceivedMessages())
				.filter(email -> customerOf(email).startsWith(day)).toList();
		Map<String, Long> perStep = emails.stream().collect(Collectors.groupingBy(
				email -> customerOf(email) + " " + header(email, "X-Shopflow-Flow") + " " + header(email, "X-Shopflow-Step"),
				Collectors.counting()));
		assertThat(perStep).as("messages per customer and step").isNotEmpty()
				.allSatisfy((step, count) -> assertThat(count).as(step).isEqualTo(1));

		assertThat(jdbc.sql("""
				select s.customer_id || ' ' || s.flow || ' ' || s.step from send_log s
				where s.customer_id like ? and s.marketing and s.status = 'SENT'
				  and not exists (select 1 from consents c where c.customer_id = s.customer_id
				                  and c.channel = s.channel and c.granted)""")
				.param(day + "%").query(String.class).list()).as("marketing sent without consent").isEmpty();
		assertThat(emails).as("emails to customers without consent are transactional").allSatisfy(email ->
				assertThat(consenting.contains(customerOf(email)) || TRANSACTIONAL.contains(header(email, "X-Shopflow-Step")))
						.as(customerOf(email) + " " + header(email, "X-Shopflow-Step")).isTrue());

		assertThat(ordering).as("generated orders").hasSizeGreaterThan(30);
		for (String customer : ordering) {
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer)
					.processDefinitionKeyIn("abandoned-cart", "browse-abandonment").count())
					.as("cart and browse flows of " + customer + " after the order").isZero();
		}
		Set<String> reminded = emails.stream()
				.filter(email -> "Task_SendFirstReminder".equals(header(email, "X-Shopflow-Step")))
				.map(RealisticDayIT::customerOf).collect(Collectors.toSet());
		Set<String> expected = new HashSet<>(abandoning);
		expected.retainAll(consenting);
		assertThat(expected).as("generated abandoned carts with consent").hasSizeGreaterThan(30);
		assertThat(reminded).isEqualTo(expected);
	}

	/** One customer's events of the day, in order. */
	private List<String> dayOf(String customer) {
		List<String> events = new ArrayList<>();
		boolean consent = random.nextDouble() < 0.75;
		if (consent) {
			consenting.add(customer);
		}
		String profile = """
				{"email":"%s@example.com","firstName":"Kim","locale":"%s","timeZone":"Europe/Stockholm",
				 "consent":{"email":%s}}""".formatted(customer, pick("en", "sv-SE", "da", "fi", "pl", "ru"), consent);
		boolean subscribes = consent && random.nextDouble() < 0.2;
		events.add(event(id(), subscribes ? "shop.newsletter.subscribed" : "shop.customer.registered", customer, profile));
		if (random.nextDouble() < 0.6) {
			for (int views = 1 + random.nextInt(3); views > 0; views--) {
				String product = pick(PRODUCTS);
				events.add(event(id(), "shop.product.viewed", customer, """
						{"productId":"p-%s","name":"%s","price":25,"currency":"EUR"}""".formatted(product, product)));
			}
		}
		String cart = null;
		if (random.nextDouble() < 0.45) {
			cart = "cart-" + customer;
			String product = pick(PRODUCTS);
			events.add(event(id(), "shop.cart.updated", customer, """
					{"cartId":"%s","items":[{"productId":"p-%s","name":"%s","quantity":1,"price":25}],
					 "total":25,"currency":"EUR"}""".formatted(cart, product, product)));
			if (random.nextDouble() < 0.4) {
				events.add(checkoutStarted(customer, cart));
			}
		}
		if (cart != null ? random.nextDouble() < 0.4 : random.nextDouble() < 0.1) {
			ordering.add(customer);
			String orderId = "o-" + customer;
			events.add(event(id(), "shop.order.placed", customer, """
					{"orderId":"%s",%s"items":[{"productId":"p-%s","quantity":1,"price":25}],"total":25,"currency":"EUR"}"""
					.formatted(orderId, cart == null ? "" : "\"cartId\":\"" + cart + "\",", pick(PRODUCTS))));
			if (random.nextBoolean()) {
				events.add(event(id(), "shop.order.delivered", customer, "{\"orderId\":\"%s\"}".formatted(orderId)));
			}
		}
		else if (cart != null) {
			abandoning.add(customer);
		}
		return events;
	}

	/** Until no send has started for 6 s (first reminders come after 3 s, browse after 4 s, win-back after 6 s). */
	private void awaitQuiet() {
		AtomicLong last = new AtomicLong(-1);
		AtomicLong since = new AtomicLong(System.currentTimeMillis());
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			long sends = jdbc.sql("select count(*) from send_log where customer_id like ? and status <> 'PENDING'")
					.param(day + "%").query(Long.class).single();
			if (sends != last.getAndSet(sends)) {
				since.set(System.currentTimeMillis());
			}
			return sends > 0 && System.currentTimeMillis() - since.get() > 6000;
		});
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}

	private static String customerOf(MimeMessage email) {
		try {
			return email.getAllRecipients()[0].toString().replace("@example.com", "");
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String header(MimeMessage email, String name) {
		try {
			return email.getHeader(name, null);
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
