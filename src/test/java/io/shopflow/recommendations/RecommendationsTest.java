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

/** Bought-together on a generated order history with known co-purchase counts. */
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

	String prefix;

	@BeforeEach
	void history() {
		prefix = "r" + id().substring(0, 6) + "-";
		List<String> orders = new ArrayList<>();
		// lamp is bought with bulb 12 times, with shade 7 times, with vase 3 times; noise elsewhere
		add(orders, 12, "lamp", "bulb");
		add(orders, 7, "lamp", "shade");
		add(orders, 3, "lamp", "vase");
		add(orders, 20, "mug", "tea");
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
		assertThat(recommendations.boughtTogether(List.of(p("lamp")), 3)).containsExactly(p("bulb"), p("shade"), p("vase"));
		assertThat(recommendations.boughtTogether(List.of(p("lamp")), 2)).containsExactly(p("bulb"), p("shade"));
		assertThat(recommendations.boughtTogether(List.of(p("lamp"), p("bulb")), 3)).startsWith(p("shade"), p("vase"))
				.doesNotContain(p("lamp"), p("bulb"));
	}

	@Test
	void aProductNobodyBoughtGetsTheBestSellers() {
		List<String> best = recommendations.boughtTogether(List.of(p("brand-new")), 2);
		assertThat(best).hasSize(2).doesNotContain(p("brand-new"));
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

	private String p(String product) {
		return prefix + product;
	}
}
