package io.shopflow.recommendations;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recommendations on a generated order and view history with known co-purchase counts and sales. */
@EngineTest
class RecommendationsTest {

	@Autowired
	Recommendations recommendations;

	@Autowired
	EventIntake intake;

	@Autowired
	EventParser parser;

	@Autowired
	JdbcClient jdbc;

	// one history for all tests: best sellers are global, a second copy would tie with the first
	static String prefix;

	static String shopper;

	@BeforeEach
	void history() {
		if (prefix != null) {
			return;
		}
		prefix = "r" + id().substring(0, 6) + "-";
		List<String> orders = new ArrayList<>();
		// lamp is bought with bulb 12 times, with shade 7 times, with vase 3 times; noise elsewhere
		add(orders, 12, "lamp", "bulb");
		add(orders, 7, "lamp", "shade");
		add(orders, 3, "lamp", "vase");
		add(orders, 20, "mug", "tea");
		orders.add(event(id(), "shop.order.placed", "c-bulk-" + prefix, """
				{"orderId":"o-%s","items":[{"productId":"%s","quantity":500,"price":1}],"total":500,"currency":"EUR"}"""
				.formatted(id(), p("tea"))));
		// the shopper bought a mug, then viewed a ring, a scarf and the mug again
		shopper = "c-shopper-" + prefix;
		orders.add(event(id(), "shop.order.placed", shopper, """
				{"orderId":"o-%s","items":[{"productId":"%s","quantity":1,"price":5}],"total":5,"currency":"EUR"}"""
				.formatted(id(), p("mug"))));
		orders.add(viewed("2026-11-20T10:00:00Z", "ring"));
		orders.add(viewed("2026-11-21T10:00:00Z", "scarf"));
		orders.add(viewed("2026-11-22T10:00:00Z", "mug"));
		Random random = new Random(42);
		for (int i = 0; i < 30; i++) {
			add(orders, 1, "noise" + random.nextInt(10), "noise" + (10 + random.nextInt(10)));
		}
		for (int i = 0; i < orders.size(); i += 50) {
			intake.accept(parser.parse(batch(orders.subList(i, Math.min(i + 50, orders.size())).toArray(String[]::new))
					.getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Test
	void theMostOftenBoughtTogetherComeFirst() {
		assertThat(recommendations.forCustomer(shopper, List.of(p("lamp")), 3))
				.containsExactly(p("bulb"), p("shade"), p("vase"));
		assertThat(recommendations.forCustomer(shopper, List.of(p("lamp")), 2)).containsExactly(p("bulb"), p("shade"));
		assertThat(recommendations.forCustomer(shopper, List.of(p("lamp"), p("bulb")), 2))
				.containsExactly(p("shade"), p("vase"));
	}

	@Test
	void thenWhatTheCustomerViewedButDidNotBuyMostRecentFirst() {
		assertThat(recommendations.forCustomer(shopper, List.of(p("lamp")), 5))
				.containsExactly(p("bulb"), p("shade"), p("vase"), p("scarf"), p("ring"));
	}

	@Test
	void thenTheBestSellersWithoutWhatTheCustomerBought() {
		// tea sold 520 units, mug 20 (bought by shopper, so left out), then the noise
		assertThat(recommendations.forCustomer(shopper, List.of(p("lamp")), 6))
				.containsExactly(p("bulb"), p("shade"), p("vase"), p("scarf"), p("ring"), p("tea"));
		assertThat(recommendations.forCustomer("c-new-" + prefix, List.of(p("brand-new")), 1)).containsExactly(p("tea"));
	}

	@Test
	void neverTheProductsThemselvesNorWhatTheCustomerBought() {
		assertThat(recommendations.forCustomer(shopper, List.of(p("mug")), 3))
				.doesNotContain(p("mug")).startsWith(p("tea"));
		assertThat(recommendations.forCustomer("c-tea-" + prefix, List.of(p("mug")), 3)).doesNotContain(p("mug"));
	}

	private void add(List<String> orders, int times, String... products) {
		for (int i = 0; i < times; i++) {
			String items = List.of(products).stream()
					.map(product -> "{\"productId\":\"%s\",\"quantity\":1,\"price\":10}".formatted(p(product)))
					.collect(Collectors.joining(","));
			orders.add(event(id(), "shop.order.placed", "c-" + id().substring(0, 8), """
					{"orderId":"o-%s","items":[%s],"total":20,"currency":"EUR"}""".formatted(id(), items)));
		}
	}

	private String viewed(String time, String product) {
		return """
				{"specversion":"1.0","id":"%s","source":"/test","type":"shop.product.viewed","subject":"%s","time":"%s",
				 "data":{"productId":"%s"}}""".formatted(id(), shopper, time, p(product));
	}

	private String p(String product) {
		return prefix + product;
	}
}
