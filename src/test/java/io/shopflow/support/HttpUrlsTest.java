package io.shopflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example.com/cart/1/restore?x=1#top", "http://shop.example.com",
			"HTTPS://SHOP.EXAMPLE.COM/p/1.jpg", "https://shop.example.com/kaffe/bönor" })
	void httpAndHttpsLinksAreLinks(String url) {
		assertThat(HttpUrls.isHttp(url)).isTrue();
		assertThat(HttpUrls.orNull(url)).isEqualTo(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
			"data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd", "/cart/1",
			"//evil.example.com/x", "https://", "https:///path", "ftp://shop.example.com", "https://shop .example.com",
			"https://shop.example.com/\n<script>", "" })
	void everythingElseIsNot(String url) {
		assertThat(HttpUrls.isHttp(url)).isFalse();
		assertThat(HttpUrls.orNull(url)).isNull();
	}
}
