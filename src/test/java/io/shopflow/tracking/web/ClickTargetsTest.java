package io.shopflow.tracking.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shopflow.EngineTest;
import io.shopflow.tracking.LinkSigner;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A signed click link whose target a URI may not hold as it is (an href with a space or "|") was a 500 when
 * clicked: it redirects, percent-encoded, and a target that is no URI even so is a 404.
 */
@EngineTest
class ClickTargetsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	LinkSigner signer;

	@Test
	void targetsWithSpacesAndBarsRedirectEncoded() throws Exception {
		click("https://shop.example.com/sale items?tags=a|b").andExpect(status().isFound())
				.andExpect(header().string("Location", "https://shop.example.com/sale%20items?tags=a%7Cb"));
		click("https://shop.example.com/p/1?q=50%25 off&x=%zz#top#more").andExpect(status().isFound())
				.andExpect(header().string("Location", "https://shop.example.com/p/1?q=50%25%20off&x=%25zz#top%23more"));
		click("https://shop.example.com/käse\r\nSet-Cookie: a=b").andExpect(status().isFound())
				.andExpect(header().string("Location",
						"https://shop.example.com/k%C3%A4se%0D%0ASet-Cookie:%20a=b"));
		click("https://shop.example.com/ok?a=1&b=%20").andExpect(status().isFound())
				.andExpect(header().string("Location", "https://shop.example.com/ok?a=1&b=%20"));
		click("https://exa mple.com:port/").andExpect(status().isFound())
				.andExpect(header().string("Location", "https://exa%20mple.com:port/"));
		click("no scheme at all").andExpect(status().isNotFound());
	}

	private ResultActions click(String target) throws Exception {
		return mvc.perform(get("/t/c/{token}", signer.sign("click", "42\n" + target)));
	}
}
