package io.shopflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopflow.messaging.MessagingSettings.CountryRules;
import io.shopflow.messaging.MessagingSettings.QuietHoursSettings;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	QuietHours quiet = new QuietHours(new QuietHoursSettings(Set.of("sms", "push"), LocalTime.of(21, 0),
			LocalTime.of(8, 0), STOCKHOLM, Map.of("FR", new CountryRules(LocalTime.of(22, 0), LocalTime.of(8, 0), true,
					List.of(MonthDay.of(1, 1), MonthDay.of(7, 14)), List.of(1, 39, 50)))));

	@Test
	void daytimeIsFine() {
		assertThat(quiet.deferral(at("2026-11-24T12:00", STOCKHOLM), STOCKHOLM, "SE")).isEmpty();
		assertThat(quiet.deferral(at("2026-11-24T08:00", STOCKHOLM), STOCKHOLM, "SE")).isEmpty();
		assertThat(quiet.deferral(at("2026-11-24T20:59", STOCKHOLM), STOCKHOLM, "SE")).isEmpty();
	}

	@Test
	void eveningAndNightWaitFor8InTheCustomersZone() {
		assertThat(quiet.deferral(at("2026-11-24T21:00", STOCKHOLM), STOCKHOLM, "SE"))
				.hasValue(at("2026-11-25T08:00", STOCKHOLM));
		assertThat(quiet.deferral(at("2026-11-25T03:00", STOCKHOLM), STOCKHOLM, "SE"))
				.hasValue(at("2026-11-25T08:00", STOCKHOLM));
		ZoneId newYork = ZoneId.of("America/New_York");
		assertThat(quiet.deferral(at("2026-11-24T23:30", newYork), newYork, "US"))
				.hasValue(at("2026-11-25T08:00", newYork));
	}

	@Test
	void customersWithoutATimeZoneUseTheFallback() {
		assertThat(quiet.deferral(at("2026-11-24T22:00", STOCKHOLM), null, null))
				.hasValue(at("2026-11-25T08:00", STOCKHOLM));
	}

	@Test
	void franceKeepsSundaysAndPublicHolidaysQuiet() {
		// Saturday 22:30 -> Sunday is quiet -> Monday 08:00
		assertThat(quiet.deferral(at("2026-12-05T22:30", PARIS), PARIS, "FR")).hasValue(at("2026-12-07T08:00", PARIS));
		// 21:30 is still fine in France (22:00 there)
		assertThat(quiet.deferral(at("2026-12-04T21:30", PARIS), PARIS, "FR")).isEmpty();
		// Bastille Day, a Tuesday in 2026
		assertThat(quiet.deferral(at("2026-07-14T12:00", PARIS), PARIS, "FR")).hasValue(at("2026-07-15T08:00", PARIS));
		// Easter Monday 2027 is 29 March
		assertThat(QuietHours.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(quiet.deferral(at("2027-03-29T10:00", PARIS), PARIS, "FR")).hasValue(at("2027-03-30T08:00", PARIS));
	}

	@Test
	void theWindowEndIsLocalTimeAcrossDaylightSavingChanges() {
		// the night the clocks go forward in Sweden (29 March 2026, 02:00 -> 03:00): still 08:00 local, 06:00 UTC
		assertThat(quiet.deferral(at("2026-03-28T23:00", STOCKHOLM), STOCKHOLM, "SE"))
				.hasValue(Instant.parse("2026-03-29T06:00:00Z"));
		// and back (25 October 2026): 08:00 local is 07:00 UTC
		assertThat(quiet.deferral(at("2026-10-24T23:00", STOCKHOLM), STOCKHOLM, "SE"))
				.hasValue(Instant.parse("2026-10-25T07:00:00Z"));
	}

	private static Instant at(String localDateTime, ZoneId zone) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
	}
}
