package io.shopflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shopflow.CsrfForms;
import io.shopflow.EngineTest;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard is never open: a marketer or operator signs in through a form with a CSRF token, and may then
 * read statistics with the session, but write nothing with it. Its pages carry a Content-Security-Policy.
 */
@EngineTest
class DashboardAccessTest {


	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Test
	void strangersAreSentToTheSignIn() throws Exception {
		mvc.perform(get("/dashboard/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dashboard/login"));
		mvc.perform(get("/dashboard/index.html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/stats/flows")).andExpect(status().isUnauthorized());
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/dashboard/login").session(session).param("username", "mallory").param("password", "wrong")
				.param("_csrf", CsrfForms.token(mvc, "/dashboard/login", session))).andExpect(status().isUnauthorized());
	}

	@Test
	void theSignInFormNeedsItsCsrfToken() throws Exception {
		mvc.perform(post("/dashboard/login").param("username", "admin").param("password", "engine-test"))
				.andExpect(status().isForbidden());
		MockHttpSession session = new MockHttpSession();
		CsrfForms.token(mvc, "/dashboard/login", session);
		mvc.perform(post("/dashboard/login").session(session).param("username", "admin").param("password", "engine-test")
				.param("_csrf", "forged")).andExpect(status().isForbidden());
	}

	@Test
	void aUserInNeitherGroupCannotSignIn() throws Exception {
		if (identity.createUserQuery().userId("clerk").count() == 0) {
			var clerk = identity.newUser("clerk");
			clerk.setPassword("clerk-password");
			identity.saveUser(clerk);
		}
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/dashboard/login").session(session).param("username", "clerk")
				.param("password", "clerk-password").param("_csrf", CsrfForms.token(mvc, "/dashboard/login", session))).andExpect(status().isForbidden());
	}

	@Test
	void anOperatorReadsTheDashboardAndStatisticsButCannotWrite() throws Exception {
		MockHttpSession login = new MockHttpSession();
		MockHttpSession session = (MockHttpSession) mvc.perform(post("/dashboard/login").session(login)
				.param("username", "admin").param("password", "engine-test").param("_csrf", CsrfForms.token(mvc, "/dashboard/login", login)))
				.andExpect(status().isSeeOther()).andExpect(redirectedUrl("/dashboard/"))
				.andReturn().getRequest().getSession();

		mvc.perform(get("/dashboard/").session(session)).andExpect(status().isOk());
		mvc.perform(get("/dashboard/index.html").session(session)).andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
		mvc.perform(get("/dashboard/dashboard.js").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/stats/flows").session(session)).andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
		mvc.perform(get("/api/stats/flows/welcome/diagram").session(session)).andExpect(status().isOk());
		mvc.perform(post("/api/events").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isUnauthorized()); // a dashboard session is no API credential
		mvc.perform(post("/api/campaigns").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isUnauthorized()); // nor a write credential of the marketer's API
		mvc.perform(get("/api/stats/flows").param("from", "yesterday").session(session))
				.andExpect(status().isBadRequest());
		String csrf = mvc.perform(get("/dashboard/csrf").session(session)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(csrf).contains("\"parameterName\":\"_csrf\"");
	}

	/** What the browser gets with the sign-in page: the token of this session's form. */
}
