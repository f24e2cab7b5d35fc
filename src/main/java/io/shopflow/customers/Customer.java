package io.shopflow.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** What Shopflow knows of a shop's customer; the id is the shop's own. */
public record Customer(String id, String email, String phone, String firstName, String lastName, String locale,
		String timeZone, LocalDate birthday, Instant pausedUntil) {

	public static Customer unknown(String id) {
		return new Customer(id, null, null, null, null, null, null, null, null);
	}

	public boolean pausedAt(Instant now) {
		return pausedUntil != null && now.isBefore(pausedUntil);
	}

	public Locale preferredLocale(Locale fallback) {
		return locale == null ? fallback : Locale.forLanguageTag(locale);
	}

	public ZoneId zone(ZoneId fallback) {
		return timeZone == null ? fallback : ZoneId.of(timeZone);
	}
}
