package io.shopflow.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shopflow.EngineTest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Thousands of generated bad inputs (jqwik) against POST /api/events: malformed JSON, wrong types, deep
 * nesting, huge bodies, bad time zones, locales and phone numbers, Unicode edge cases. None may answer 5xx,
 * every answer is a client error or an acceptance, and the server stays healthy.
 */
@EngineTest
class EventsFuzzTest {

	static final int INPUTS = 3000;

	@Autowired
	MockMvc mvc;

	@Test
	void noInputMakesTheServerFail() throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (String body : inputs().sampleStream().limit(INPUTS).toList()) {
			int status = mvc.perform(post("/api/events").header("Authorization", "Bearer engine-test")
					.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
					.andReturn().getResponse().getStatus();
			statuses.merge(status, 1, Integer::sum);
			if (status >= 500) {
				failures.add(status + " for " + body.substring(0, Math.min(300, body.length())));
			}
		}
		System.out.println("events API fuzz: " + INPUTS + " inputs, answers " + statuses);
		assertThat(failures).as("5xx answers").isEmpty();
		assertThat(statuses.keySet()).allMatch(status -> status == 202 || status == 400 || status == 413);
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void aHugeBodyIsTooLarge() throws Exception {
		String huge = "[" + "{\"specversion\":\"1.0\"},".repeat(60_000) + "{}]";
		mvc.perform(post("/api/events").header("Authorization", "Bearer engine-test")
				.contentType(MediaType.APPLICATION_JSON).content(huge)).andExpect(status().isPayloadTooLarge());
	}

	private static Arbitrary<String> inputs() {
		Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
		Arbitrary<String> nasty = Arbitraries.of("", " ", "\u0000", "\uFEFF", "\u202Eevil", "😀", "\uD800", "a\u0301",
				"<script>alert(1)</script>", "$class.forName('java.lang.Runtime')", "Europe/Narnia", "+00000",
				"x".repeat(5000), "9".repeat(400), "y".repeat(129), "z".repeat(301), "null", "true", "-1", "1e999", "zz-ZZ-Latn-x-verylongtagvalue");
		Arbitrary<String> text = Arbitraries.oneOf(unicode, nasty);
		Arbitrary<String> value = Arbitraries.oneOf(text.map(EventsFuzzTest::quoted),
				Arbitraries.of("null", "true", "false", "0", "-1", "1.5e308", "[]", "{}", "[1,[2,[3]]]", "\"\""),
				Arbitraries.integers().map(String::valueOf));
		Arbitrary<String> type = Arbitraries.of("shop.customer.registered", "shop.customer.updated",
				"shop.newsletter.subscribed", "shop.product.viewed", "shop.cart.updated", "shop.checkout.started",
				"shop.order.placed", "shop.order.delivered", "shop.customer.unsubscribed", "shop.push.subscribed",
				"shop.product.restocked", "made.up");
		Arbitrary<String> field = Arbitraries.of("email", "phone", "locale", "timeZone", "birthday", "firstName",
				"productId", "cartId", "orderId", "items", "total", "currency", "channel", "consent", "subscription",
				"price", "quantity", "consumptionInterval");
		Arbitrary<String> data = Combinators.combine(field.list().ofMaxSize(6), value.list().ofSize(6))
				.as((names, values) -> {
					StringBuilder json = new StringBuilder("{");
					for (int i = 0; i < names.size(); i++) {
						json.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':').append(values.get(i));
					}
					return json.append('}').toString();
				});
		Arbitrary<String> event = Combinators.combine(type, value, value, data).as((t, id, subject, d) -> """
				{"specversion":"1.0","id":%s,"source":"/fuzz","type":"%s","subject":%s,"data":%s}"""
				.formatted(id, t, subject, d));
		Arbitrary<String> deep = Arbitraries.integers().between(100, 5000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
		Arbitrary<String> broken = Combinators.combine(event, Arbitraries.integers().between(1, 60))
				.as((json, cut) -> json.substring(0, Math.max(1, json.length() - cut)));
		Arbitrary<String> batch = event.list().ofMinSize(1).ofMaxSize(5).map(events -> "[" + String.join(",", events) + "]");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, event), net.jqwik.api.Tuple.of(2, batch),
				net.jqwik.api.Tuple.of(2, broken), net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(2, text));
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}
}
