package io.shopflow.segments;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seven segments marketers use, as JSON definitions, on a generated history with exactly known members:
 * first-time visitors, just subscribed, interested in a category, 4+ visits without a purchase, viewed a product
 * without carting it, bought a product lately, bought once and nothing for 180 days; and event counts at the
 * edges of their time window.
 */
@EngineTest
class SegmentsTest {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	@Autowired
	Segments segments;

	@Autowired
	SegmentCompiler compiler;

	@Autowired
	EventParser parser;

	@Autowired
	EventIntake intake;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();
	final String run = "seg" + id().substring(0, 6);
	String vase;
	String mug;
	String lighting;

	@BeforeEach
	void history() {
		vase = "p-vase-" + run;
		mug = "p-mug-" + run;
		lighting = "Lighting-" + run;
		// A: new today, consented, one view of a lamp
		at(NOW.minus(Duration.ofHours(2)));
		customer("a", true);
		view("a", "p-lamp-" + run, lighting);
		// B: a month old, five views of the vase over ten days, never bought
		at(NOW.minus(Duration.ofDays(30)));
		customer("b", true);
		for (int day = 10; day >= 2; day -= 2) {
			at(NOW.minus(Duration.ofDays(day)).plusSeconds(3600));
			view("b", vase, "Decor");
		}
		// C: a month old, viewed the vase and put it in the cart; bought a mug 3 days ago
		at(NOW.minus(Duration.ofDays(30)));
		customer("c", true);
		at(NOW.minus(Duration.ofDays(2)));
		view("c", vase, "Decor");
		send(now(event(id(), "shop.cart.updated", who("c"), """
				{"cartId":"cart-%s","items":[{"productId":"%s","quantity":1,"price":30}],"total":30,"currency":"EUR"}"""
				.formatted(who("c"), vase))));
		order("c", NOW.minus(Duration.ofDays(3)), mug);
		// D: bought once, 200 days ago; E: twice, 300 and 200 days ago; F: once, 10 days ago (a mug)
		for (String name : new String[] { "d", "e", "f" }) {
			at(NOW.minus(Duration.ofDays(400)));
			customer(name, true);
		}
		order("d", NOW.minus(Duration.ofDays(200)), "p-other-" + run);
		order("e", NOW.minus(Duration.ofDays(300)), "p-other-" + run);
		order("e", NOW.minus(Duration.ofDays(200)), "p-other-" + run);
		order("f", NOW.minus(Duration.ofDays(10)), mug);
		// G: new today, without consent
		at(NOW.minus(Duration.ofHours(1)));
		customer("g", false);
		// H: three days old, consented, four views and an order
		at(NOW.minus(Duration.ofDays(3)));
		customer("h", true);
		for (int i = 0; i < 4; i++) {
			view("h", vase, "Decor");
		}
		order("h", NOW.minus(Duration.ofDays(1)), "p-other-" + run);
		// I: 40 days old; views a second before 30 days ago, a second and two after, and yesterday
		at(NOW.minus(Duration.ofDays(40)));
		customer("i", true);
		for (long second : new long[] { -1, 1, 2 }) {
			at(NOW.minus(Duration.ofDays(30)).plusSeconds(second));
			view("i", "p-edge-" + run, "Edge");
		}
		at(NOW.minus(Duration.ofDays(1)));
		view("i", "p-edge-" + run, "Edge");
		at(NOW);
	}

	@AfterEach
	void resetTheClock() {
		ClockUtil.reset();
	}

	@Test
	void firstTimeVisitors() {
		assertThat(members("""
				{"and":[{"joined":{"within":"P1D"}},{"not":{"event":"shop.product.viewed","atLeast":2}},
				        {"not":{"orders":{"atLeast":1}}}]}""")).containsExactly(who("a"), who("g"));
	}

	@Test
	void justSubscribedWithMarketingConsent() {
		assertThat(members("{\"consent\":\"email\",\"within\":\"P7D\"}")).containsExactly(who("a"), who("h"));
	}

	@Test
	void interestedInACategory() {
		assertThat(members("{\"viewed\":{\"category\":\"" + lighting + "\"},\"within\":\"P30D\"}")).containsExactly(who("a"));
	}

	@Test
	void fourOrMoreVisitsWithoutAPurchase() {
		assertThat(members("""
				{"and":[{"event":"shop.product.viewed","atLeast":4,"within":"P30D"},{"not":{"orders":{"atLeast":1}}}]}"""))
				.containsExactly(who("b"));
		assertThat(compiler.compile(read("""
				{"and":[{"event":"shop.product.viewed","atLeast":4,"within":"P30D"},{"not":{"orders":{"atLeast":1}}}]}"""))
				.members()).as("found among the customers with 4+ views, not all customers")
				.startsWith("select c.id from (select d.customer_id as id from customer_event_days");
	}

	/**
	 * Event counts come from per-day counts (customer_event_days), but a window starts and ends at an instant,
	 * not at midnight: the part-days at its edges are counted to the second. B's view 2 days ago (plus an hour)
	 * is not before P2D, C's exactly 2 days ago is; of I's, 3 are within P30D.
	 */
	@Test
	void eventCountsAreExactToTheSecondAtTheEdgesOfTheWindow() {
		String viewed = "{\"event\":\"shop.product.viewed\",";
		assertThat(members(viewed + "\"atLeast\":3,\"within\":\"P30D\"}")).containsExactly(who("b"), who("h"),
				who("i"));
		assertThat(members(viewed + "\"atLeast\":4,\"within\":\"P30D\"}")).containsExactly(who("b"), who("h"));
		assertThat(members(viewed + "\"notWithin\":\"P30D\"}")).containsExactly(who("i"));
		assertThat(members(viewed + "\"atLeast\":2,\"within\":\"P30D\",\"notWithin\":\"P2D\"}"))
				.containsExactly(who("b"), who("h"), who("i"));
		assertThat(members(viewed + "\"atLeast\":5,\"within\":\"P30D\",\"notWithin\":\"P2D\"}")).isEmpty();
		assertThat(members(viewed + "\"within\":\"PT12H\",\"notWithin\":\"PT1H\"}")).as("within one day")
				.containsExactly(who("a"));
		assertThat(members(viewed + "\"within\":\"P2D\",\"notWithin\":\"PT1H\"}")).containsExactly(who("a"),
				who("b"), who("c"), who("i"));
		assertThat(members(viewed + "\"atLeast\":4}")).as("ever").containsExactly(who("b"), who("h"), who("i"));
	}

	/** Order conditions read customer_order_totals, kept as orders arrive, late or repeated ones too. */
	@Test
	void orderCountsAreKeptAsOrdersArrive() {
		String late = event(id(), "shop.order.placed", who("e"), """
				{"orderId":"o-late-%s","items":[{"productId":"p-x","quantity":1,"price":30}],"total":30,"currency":"EUR"}"""
				.formatted(run)).replace("2026-11-24T10:00:00Z", NOW.minus(Duration.ofDays(250)).toString());
		send(late);
		send(late);
		send(late.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id() + "\""));

		assertThat(jdbc.sql("select orders, last_placed_at from customer_order_totals where customer_id = ?")
				.param(who("e")).query((rs, n) -> rs.getInt(1) + " " + rs.getTimestamp(2).toInstant()).single())
				.as("three orders, the last still 200 days ago").isEqualTo("3 " + NOW.minus(Duration.ofDays(200)));
		assertThat(members("{\"orders\":{\"atLeast\":3}}")).containsExactly(who("e"));
	}

	@Test
	void viewedAProductWithoutPuttingItInTheCart() {
		assertThat(members("{\"viewed\":{\"productId\":\"" + vase + "\"},\"within\":\"P7D\",\"notInCart\":true}"))
				.containsExactly(who("b"), who("h"));
	}

	@Test
	void boughtAProductWithinDays() {
		assertThat(members("{\"bought\":{\"productId\":\"" + mug + "\"},\"within\":\"P14D\"}"))
				.containsExactly(who("c"), who("f"));
	}

	@Test
	void boughtOnceAndNothingFor180Days() {
		assertThat(members("{\"orders\":{\"atLeast\":1,\"atMost\":1},\"lastNotWithin\":\"P180D\"}"))
				.containsExactly(who("d"));
	}

	@Test
	void definitionsAreStoredVersionedPreviewedAndExported() throws Exception {
		String key = "lapsed-" + run;
		String body = """
				{"name":"Lapsed one-timers","condition":{"and":[%s,{"orders":{"atMost":1},"lastNotWithin":"P180D"}]}}"""
				.formatted(ours());
		mvc.perform(put("/api/segments/{key}", key).header("Authorization", io.shopflow.EngineTest.OPERATOR)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/segments/{key}", key).header("Authorization", io.shopflow.EngineTest.OPERATOR)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(jsonPath("$.version").value(2));
		mvc.perform(get("/api/segments/{key}/preview", key).header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(status().isOk()).andExpect(jsonPath("$.count").value(1))
				.andExpect(jsonPath("$.sample[0]").value(who("d")));
		mvc.perform(get("/api/segments/{key}", key).header("Authorization", io.shopflow.EngineTest.OPERATOR))
				.andExpect(jsonPath("$.versions.length()").value(2));

		String csv = mvc.perform(asyncDispatch(mvc.perform(get("/api/segments/{key}/export", key)
				.header("Authorization", io.shopflow.EngineTest.OPERATOR)).andReturn()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines()).containsExactly("id,email,phone,first_name,last_name,locale",
				who("d") + "," + who("d") + "@example.com,,Anna,Berg,en");
		String hashed = mvc.perform(asyncDispatch(mvc.perform(get("/api/segments/{key}/export", key)
				.param("format", "hashed").header("Authorization", io.shopflow.EngineTest.OPERATOR)).andReturn()))
				.andReturn().getResponse().getContentAsString();
		assertThat(hashed.lines()).containsExactly("email_sha256,phone_sha256",
				AudienceExport.sha256(who("d") + "@example.com") + ",");

		mvc.perform(put("/api/segments/{key}", "broken").header("Authorization", io.shopflow.EngineTest.OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"condition\":{\"and\":[{\"event\":\"shop.order.placed\",\"within\":\"30 days\"}]}}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].pointer").value("#/condition/and/0/within"));
	}

	/** Only this test's customers: the shared database holds other tests' too. */
	private String ours() {
		return "{\"profile\":\"email\",\"startsWith\":\"" + run + "-\"}";
	}

	/**
	 * The condition's members of this run: tested with the run's profile condition, so among all customers, and
	 * alone, so (where it has an event or order count every member must meet) among that count's customers
	 * only; both must agree.
	 */
	private List<String> members(String condition) {
		List<String> members = new ArrayList<>();
		segments.members(read("{\"and\":[" + ours() + "," + condition + "]}"), members::add);
		List<String> alone = new ArrayList<>();
		segments.members(read(condition), id -> {
			if (id.startsWith(run + "-")) {
				alone.add(id);
			}
		});
		assertThat(alone).as("members found from the condition alone").isEqualTo(members);
		return members;
	}

	private JsonNode read(String text) {
		try {
			return json.readTree(text);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String who(String name) {
		return run + "-" + name;
	}

	private void customer(String name, boolean consent) {
		send(registered(who(name), who(name) + "@example.com", "en", consent));
	}

	private void view(String name, String product, String category) {
		send(now(event(id(), "shop.product.viewed", who(name),
				"{\"productId\":\"%s\",\"category\":\"%s\"}".formatted(product, category))));
	}

	/** The event as happening at the engine clock's time. */
	private static String now(String event) {
		return event.replace("2026-11-24T10:00:00Z", ClockUtil.getCurrentTime().toInstant().toString());
	}

	private void order(String name, Instant placed, String product) {
		at(placed);
		send(event(id(), "shop.order.placed", who(name), """
				{"orderId":"o-%s","items":[{"productId":"%s","quantity":1,"price":30}],"total":30,"currency":"EUR"}"""
				.formatted(id(), product)).replace("2026-11-24T10:00:00Z", placed.toString()));
	}

	private static void at(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	private void send(String event) {
		intake.accept(parser.parse(event.getBytes(StandardCharsets.UTF_8)));
	}
}
