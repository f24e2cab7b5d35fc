package io.shopflow.customers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** What Shopflow knows of a shop's customer; the id is the shop's own. */
public record Customer(String id, String email, String phone, String firstName, String lastName, String locale,
		String timeZone, LocalDate birthday) {

	public Locale preferredLocale(Locale fallback) {
		return locale == null ? fallback : Locale.forLanguageTag(locale);
	}

	public ZoneId zone(ZoneId fallback) {
		return timeZone == null ? fallback : ZoneId.of(timeZone);
	}
}
