package io.shopflow.stats.web;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shopflow.EngineTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The statistics answer a row per day asked: 0001-01-01 to 9999-12-31 was 613 MB, four of them a heap. The range
 * is capped (shopflow.stats.max-range-days, 400), and one that ends before it starts is no range.
 */
@EngineTest
class StatsRangeTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theWholeCalendarIsABadRequestNamingFromAndTo() throws Exception {
		for (String path : new String[] { "/api/stats/flows", "/api/stats/flows/abandoned-cart" }) {
			stats(path, "0001-01-01", "9999-12-31").andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[*].pointer").value(hasItems("?from", "?to")));
			stats(path, "2025-01-01", "2026-02-05").andExpect(status().isBadRequest());
			stats(path, "2026-12-31", "2026-01-01").andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[*].pointer").value(hasItems("?from", "?to")));
			stats(path, "0001-01-01", null).andExpect(status().isBadRequest());
			stats(path, null, "9999-12-31").andExpect(status().isOk());
			stats(path, "+999999999-12-01", "+999999999-12-31").andExpect(status().isBadRequest());
		}
	}

	@Test
	void fourHundredDaysAreAnsweredWithADayEach() throws Exception {
		stats("/api/stats/flows/abandoned-cart", "2025-01-01", "2026-02-04").andExpect(status().isOk())
				.andExpect(jsonPath("$.days.length()").value(400));
		stats("/api/stats/flows/abandoned-cart", "2026-02-04", "2026-02-04").andExpect(status().isOk())
				.andExpect(jsonPath("$.days.length()").value(1));
		stats("/api/stats/flows", "2025-01-01", "2026-02-04").andExpect(status().isOk());
	}

	private ResultActions stats(String path, String from, String to) throws Exception {
		var request = get(path).header("Authorization", io.shopflow.EngineTest.OPERATOR);
		if (from != null) {
			request.param("from", from);
		}
		if (to != null) {
			request.param("to", to);
		}
		return mvc.perform(request);
	}
}
