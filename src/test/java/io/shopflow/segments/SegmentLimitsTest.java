package io.shopflow.segments;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.EngineTest;
import io.shopflow.events.EventIntake;
import io.shopflow.events.EventParser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Values a segment definition may not hold are a 400 naming them (a duration past Instant's range was a 500), and
 * startsWith means the text itself: LIKE's _, % and \ are not wildcards.
 */
@EngineTest
class SegmentLimitsTest {

	@Autowired
	Segments segments;

	@Autowired
	EventParser parser;

	@Autowired
	EventIntake intake;

	@Autowired
	MockMvc mvc;

	final String run = "lim" + id().substring(0, 6);

	@Test
	void startsWithMatchesUnderscorePercentAndBackslashLiterally() throws Exception {
		for (String email : List.of("a_b", "axb", "a%b", "azzb", "a\\\\b", "a\\\\xb")) {
			send(registered(run + "-" + email.replace("\\\\", "bs"), run + email + "@example.com", "en", false));
		}
		assertThat(members(run + "a_b")).containsExactly(run + "-a_b");
		assertThat(members(run + "a%")).containsExactly(run + "-a%b");
		assertThat(members(run + "a\\b")).containsExactly(run + "-absb");
		assertThat(members(run + "a")).hasSize(6);
	}

	@Test
	void durationsCountsAndDatesOutOfRangeAreBadRequests() throws Exception {
		invalid("{\"joined\":{\"within\":\"PT2562047788015215H\"}}", "#/condition/joined/within");
		invalid("{\"consent\":\"email\",\"within\":\"P999999999D\"}", "#/condition/within");
		invalid("{\"event\":\"shop.order.placed\",\"within\":\"P36526D\"}", "#/condition/within");
		invalid("{\"event\":\"shop.order.placed\",\"notWithin\":\"-P1D\"}", "#/condition/notWithin");
		invalid("{\"event\":\"shop.order.placed\",\"within\":30}", "#/condition/within");
		invalid("{\"event\":\"shop.order.placed\",\"atLeast\":99999999999}", "#/condition/atLeast");
		invalid("{\"event\":\"shop.order.placed\",\"atLeast\":1.5}", "#/condition/atLeast");
		invalid("{\"bought\":{},\"atLeast\":\"many\"}", "#/condition/atLeast");
		invalid("{\"orders\":{\"atMost\":-1}}", "#/condition/orders/atMost");
		invalid("{\"orders\":5}", "#/condition/orders");
		invalid("{\"profile\":\"birthday\",\"equals\":\"someday\"}", "#/condition/equals");
		invalid("{\"profile\":\"email\",\"startsWith\":{\"a\":1}}", "#/condition/startsWith");
		invalid("{\"profile\":\"email\",\"equals\":\"" + "x".repeat(501) + "\"}", "#/condition/equals");

		preview("{\"joined\":{\"within\":\"P36525D\"}}").andExpect(status().isOk());
		preview("{\"profile\":\"birthday\",\"equals\":\"1990-05-17\"}").andExpect(status().isOk());
		preview("{\"profile\":\"birthday\",\"startsWith\":\"1990-\"}").andExpect(status().isOk());
		preview("{\"event\":\"shop.order.placed\",\"atLeast\":\"2\",\"within\":\"P30D\"}").andExpect(status().isOk());
	}

	private void invalid(String condition, String pointer) throws Exception {
		preview(condition).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].pointer").value(pointer));
	}

	private org.springframework.test.web.servlet.ResultActions preview(String condition) throws Exception {
		return mvc.perform(post("/api/segments/preview").header("Authorization", io.shopflow.EngineTest.OPERATOR)
				.contentType(MediaType.APPLICATION_JSON).content("{\"condition\":" + condition + "}"));
	}

	private List<String> members(String prefix) throws Exception {
		List<String> members = new ArrayList<>();
		segments.members(new ObjectMapper().readTree(
				"{\"profile\":\"email\",\"startsWith\":" + new ObjectMapper().writeValueAsString(prefix) + "}"),
				members::add);
		return members.stream().sorted().toList();
	}

	private void send(String event) {
		intake.accept(parser.parse(event.getBytes(StandardCharsets.UTF_8)));
	}
}
