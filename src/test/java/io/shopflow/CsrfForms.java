package io.shopflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The CSRF token of a form, read as the browser that was shown it would post it back. */
public final class CsrfForms {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private CsrfForms() {
	}

	/** Shows the page in the browser's session and returns the token of its form. */
	public static String token(MockMvc mvc, String page, MockHttpSession browser) throws Exception {
		String html = mvc.perform(get(page).session(browser)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		Matcher matcher = TOKEN.matcher(html);
		assertThat(matcher.find()).as("the form of %s carries a CSRF token", page).isTrue();
		return matcher.group(1);
	}
}
