package io.shopflow.support;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The only links from shop data that may reach an email, SMS or push: absolute http and https URLs with a host.
 * Anything else (javascript:, data:, a relative path, text with spaces) would be an attack or a broken link.
 */
public final class HttpUrls {

	private HttpUrls() {
	}

	public static boolean isHttp(String value) {
		if (value == null) {
			return false;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	/** The URL if it may be a link, else null: what templates get, whatever the database holds. */
	public static String orNull(String value) {
		return isHttp(value) ? value : null;
	}
}
