package io.shopflow.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.shopflow.EngineTest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Thousands of generated bad inputs (jqwik) against POST /api/events: malformed JSON, wrong types, deep
 * nesting, huge bodies, bad time zones, locales and phone numbers, Unicode edge cases, numbers no column holds
 * (1e308, 1e999999999, a quantity of 10^20, negative), links that are not http(s), multipart and other content
 * types, binary mode with ce-* headers missing. None may answer 5xx, every answer is a client error or an
 * acceptance, and the server stays healthy.
 */
@EngineTest
class EventsFuzzTest {

	static final int INPUTS = 3000;
	static final int SHAPES = 1500;

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

	/**
	 * The same property for the shape of the request: content types (multipart with and without a boundary, forms,
	 * text, none) and binary mode with any subset of the ce-* headers, good or bad.
	 */
	@Test
	void noRequestShapeMakesTheServerFail() throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (Request request : requests().sampleStream().limit(SHAPES).toList()) {
			MockHttpServletRequestBuilder post = post("/api/events").header("Authorization", "Bearer engine-test")
					.content(request.body().getBytes(StandardCharsets.UTF_8));
			if (request.contentType() != null) {
				post.header("Content-Type", request.contentType());
			}
			request.headers().forEach(post::header);
			int status = mvc.perform(post).andReturn().getResponse().getStatus();
			statuses.merge(status, 1, Integer::sum);
			if (status >= 500) {
				failures.add(status + " for " + request);
			}
		}
		System.out.println("events API request-shape fuzz: " + SHAPES + " requests, answers " + statuses);
		assertThat(failures).as("5xx answers").isEmpty();
		assertThat(statuses.keySet()).allMatch(status -> status == 202 || status == 400 || status == 415);
	}

	record Request(String contentType, Map<String, String> headers, String body) {
	}

	private static Arbitrary<Request> requests() {
		Arbitrary<String> contentType = Arbitraries.of(null, "multipart/form-data", "multipart/form-data; boundary=b",
				"application/x-www-form-urlencoded", "text/plain", "application/xml", "application/octet-stream",
				"application/json", "application/json; charset=utf-8", "application/cloudevents+json",
				"application/cloudevents-batch+json", "application/json; charset=nonsense", "*/*", "application/*",
				"garbage");
		Arbitrary<String> body = Arbitraries.oneOf(inputs(), Arbitraries.of("",
				"--b\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\n{}\r\n--b--\r\n", "a=b&c=d", "<x/>"));
		Map<String, Arbitrary<String>> ceHeaders = new TreeMap<>(Map.of(
				"ce-specversion", Arbitraries.of("1.0", "1.0", "0.3", "2.0", "", " "),
				"ce-id", Arbitraries.of("", " ", "fuzz-id").map(id -> id.equals("fuzz-id") ? "fuzz-" + UUID.randomUUID() : id),
				"ce-type", Arbitraries.of("shop.customer.registered", "shop.product.viewed", "shop.cart.updated",
						"made.up", ""),
				"ce-source", Arbitraries.of("https://shop.example.com", "/fuzz", "not a uri", "%zz", "::", ""),
				"ce-subject", Arbitraries.of("c-fuzz-binary", "", "y".repeat(200)),
				"ce-time", Arbitraries.of("2026-11-24T10:00:00Z", "yesterday", "", "2026-13-45T99:99:99Z"),
				"ce-datacontenttype", Arbitraries.of("application/json", "text/plain", "")));
		Arbitrary<Map<String, String>> binary = Arbitraries.subsetOf(ceHeaders.keySet()).flatMap(names -> {
			List<String> chosen = new ArrayList<>(names);
			return Combinators.combine(chosen.stream().map(ceHeaders::get).toList()).as(values -> {
				Map<String, String> headers = new TreeMap<>();
				for (int i = 0; i < chosen.size(); i++) {
					headers.put(chosen.get(i), values.get(i));
				}
				return headers;
			});
		});
		Arbitrary<Map<String, String>> headers = Arbitraries.oneOf(Arbitraries.just(Map.of()), binary);
		Arbitrary<String> data = Arbitraries.of("{\"email\":\"a@example.com\"}", "{\"productId\":\"p\",\"price\":1e308}",
				"{\"cartId\":\"k\",\"items\":[{\"productId\":\"p\",\"quantity\":100000000000000000000}],\"total\":1e999999999,"
						+ "\"currency\":\"EUR\",\"cartUrl\":\"javascript:alert(1)\"}", "[]", "null", "");
		return Combinators.combine(contentType, headers, Arbitraries.oneOf(body, data))
				.as((type, ce, content) -> new Request(type, ce, content));
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
				Arbitraries.integers().map(String::valueOf), number(), link());
		Arbitrary<String> type = Arbitraries.of("shop.customer.registered", "shop.customer.updated",
				"shop.newsletter.subscribed", "shop.product.viewed", "shop.cart.updated", "shop.checkout.started",
				"shop.order.placed", "shop.order.delivered", "shop.customer.unsubscribed", "shop.push.subscribed",
				"shop.product.restocked", "made.up");
		Arbitrary<String> field = Arbitraries.of("email", "phone", "locale", "timeZone", "birthday", "firstName",
				"productId", "cartId", "orderId", "items", "total", "currency", "channel", "consent", "subscription",
				"price", "quantity", "consumptionInterval", "url", "imageUrl", "cartUrl", "name");
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
				net.jqwik.api.Tuple.of(2, broken), net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(2, text),
				net.jqwik.api.Tuple.of(4, purchase()));
	}

	/** Numbers past what their columns hold (numeric(19, 4), int), negative, and not numbers at all. */
	private static Arbitrary<String> number() {
		return Arbitraries.oneOf(Arbitraries.of("1e308", "-1e308", "1e999999999", "-1e999999999", "1e-999999999",
				"100000000000000000000", "2147483647", "2147483648", "-2147483649", "1000000000000000",
				"999999999999999.9999", "999999999999999.99995", "-0.0", "0.00001", "1e20", "-5", "\"NaN\"",
				"\"Infinity\"", "\"-Infinity\"", "\"1e999999999\"", "\"0x1F\"", "\"12.50\"", "9".repeat(999)),
				Arbitraries.bigDecimals().ofScale(6).map(BigDecimal::toPlainString));
	}

	/** Links a shop might send, and ones that must never reach an email's href. */
	private static Arbitrary<String> link() {
		return Arbitraries.of("javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", " javascript:alert(1)",
				"data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "//evil.example.com", "/cart/1",
				"https://", "http://shop.example.com/p/1", "https://shop.example.com/cart/1/restore",
				"https://shop.example.com/\"><script>", "file:///etc/passwd").map(EventsFuzzTest::quoted);
	}

	/** Carts, orders and products that are valid but for one generated number or link, so they reach the database. */
	private static Arbitrary<String> purchase() {
		Arbitrary<String> numberOrLink = Arbitraries.oneOf(number(), link(), Arbitraries.of("1", "9.95"));
		return Combinators.combine(Arbitraries.of("shop.cart.updated", "shop.order.placed", "shop.checkout.started",
				"shop.product.viewed", "shop.product.restocked"), Arbitraries.of("total", "price", "quantity", "url",
				"imageUrl", "cartUrl"), numberOrLink, Arbitraries.integers().between(0, 1_000_000_000))
				.as((type, field, value, n) -> {
					String item = """
							{"productId":"p-%d","quantity":%s,"price":%s,"url":%s,"imageUrl":%s}""".formatted(n % 7,
							pick(field, "quantity", value, "2"), pick(field, "price", value, "9.95"),
							pick(field, "url", value, "\"https://shop.example.com/p\""),
							pick(field, "imageUrl", value, "null"));
					String data = """
							{"cartId":"k-%d","orderId":"o-%d","productId":"p-%d","items":[%s,%s],"total":%s,
							 "currency":"EUR","price":%s,"url":%s,"imageUrl":%s,"cartUrl":%s}""".formatted(n, n, n % 7,
							item, item, pick(field, "total", value, "19.90"), pick(field, "price", value, "1"),
							pick(field, "url", value, "null"), pick(field, "imageUrl", value, "null"),
							pick(field, "cartUrl", value, "null"));
					return """
							{"specversion":"1.0","id":"fuzz-%s","source":"/fuzz","type":"%s","subject":"c-fuzz-%d",\
							"data":%s}""".formatted(UUID.randomUUID(), type, n % 50, data);
				});
	}

	private static String pick(String field, String name, String value, String otherwise) {
		return field.equals(name) ? value : otherwise;
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
