package io.shopflow.templates;

/** HTML Shopflow produced itself (a rendered body); the only value inserted into HTML without escaping. */
record TrustedHtml(String html) {

	@Override
	public String toString() {
		return html;
	}
}
