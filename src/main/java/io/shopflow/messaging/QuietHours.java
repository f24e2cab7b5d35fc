package io.shopflow.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.shopflow.messaging.MessagingSettings.CountryRules;
import io.shopflow.messaging.MessagingSettings.QuietHoursSettings;

/**
 * When a channel may speak to a customer. Works in local dates and times and converts at the end, so a
 * window's end is "08:00 where the customer is" on the DST-change days too (a gap moves it later, never back).
 */
class QuietHours {

	private final QuietHoursSettings settings;

	QuietHours(QuietHoursSettings settings) {
		this.settings = settings;
	}

	boolean concerns(String channel) {
		return settings.channels() != null && settings.channels().contains(channel);
	}

	/** Empty when now is allowed; otherwise the first allowed moment after it. */
	Optional<Instant> deferral(Instant now, ZoneId customerZone, String country) {
		ZoneId zone = customerZone == null ? settings.fallbackTimeZone() : customerZone;
		CountryRules rules = country == null || settings.countries() == null ? null : settings.countries().get(country);
		LocalTime start = rules != null && rules.start() != null ? rules.start() : settings.start();
		LocalTime end = rules != null && rules.end() != null ? rules.end() : settings.end();
		LocalDateTime local = LocalDateTime.ofInstant(now, zone);
		LocalDateTime allowed = local;
		for (int guard = 0; guard < 30; guard++) {
			LocalDate day = allowed.toLocalDate();
			if (quietDay(day, rules)) {
				allowed = day.plusDays(1).atTime(end);
				continue;
			}
			LocalTime time = allowed.toLocalTime();
			if (inWindow(time, start, end)) {
				allowed = !time.isBefore(start) && start.isAfter(end) ? day.plusDays(1).atTime(end) : day.atTime(end);
				continue;
			}
			break;
		}
		return allowed.equals(local) ? Optional.empty() : Optional.of(ZonedDateTime.of(allowed, zone).toInstant());
	}

	/** The window wraps midnight when start is after end (21:00-08:00). */
	private static boolean inWindow(LocalTime time, LocalTime start, LocalTime end) {
		if (start.equals(end)) {
			return false;
		}
		return start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
				: !time.isBefore(start) && time.isBefore(end);
	}

	private static boolean quietDay(LocalDate day, CountryRules rules) {
		if (rules == null) {
			return false;
		}
		if (rules.quietSundays() && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return true;
		}
		List<MonthDay> holidays = rules.holidays() == null ? List.of() : rules.holidays();
		if (holidays.contains(MonthDay.from(day))) {
			return true;
		}
		List<Integer> afterEaster = rules.easterHolidays() == null ? List.of() : rules.easterHolidays();
		LocalDate easter = easterSunday(day.getYear());
		return afterEaster.stream().anyMatch(offset -> easter.plusDays(offset).equals(day));
	}

	/** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm). */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, dayOfMonth);
	}
}
