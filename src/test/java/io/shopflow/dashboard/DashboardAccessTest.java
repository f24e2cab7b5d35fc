package io.shopflow.dashboard;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shopflow.EngineTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard is never open: a Cockpit user signs in, and may then read statistics but write nothing. */
@EngineTest
class DashboardAccessTest {

	@Autowired
	MockMvc mvc;

	@Test
	void strangersAreSentToTheSignIn() throws Exception {
		mvc.perform(get("/dashboard/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dashboard/login"));
		mvc.perform(get("/dashboard/index.html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/stats/flows")).andExpect(status().isUnauthorized());
		// not admin: a wrong password locks a real user out for seconds (Camunda's brute-force delay)
		mvc.perform(post("/dashboard/login").param("username", "mallory").param("password", "wrong"))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void aCockpitUserReadsTheDashboardAndStatisticsButCannotWrite() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(post("/dashboard/login")
				.param("username", "admin").param("password", "engine-test"))
				.andExpect(status().isSeeOther()).andExpect(redirectedUrl("/dashboard/"))
				.andReturn().getRequest().getSession();

		mvc.perform(get("/dashboard/").session(session)).andExpect(status().isOk());
		mvc.perform(get("/dashboard/dashboard.js").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/stats/flows").session(session)).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
		mvc.perform(get("/api/stats/flows/welcome/diagram").session(session)).andExpect(status().isOk());
		mvc.perform(post("/api/events").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isUnauthorized()); // a dashboard session is no API credential
		mvc.perform(get("/api/stats/flows").param("from", "yesterday").session(session))
				.andExpect(status().isBadRequest());
	}
}
