package io.shopflow.customers;

import java.util.Locale;

/** A way to reach a customer; consent is given per channel. */
public enum Channel {

	EMAIL, SMS, PUSH;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Channel of(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}
}
