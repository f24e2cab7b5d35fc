package io.shopflow.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BirthdaysTest {

	static final LocalTime NINE = LocalTime.of(9, 0);
	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@Test
	void nextBirthdayAtNineLocal() {
		assertThat(Birthdays.next(LocalDate.of(1990, 12, 24), STOCKHOLM, NINE, Instant.parse("2026-11-24T12:00:00Z")))
				.isEqualTo(Instant.parse("2026-12-24T08:00:00Z"));
		assertThat(Birthdays.next(LocalDate.of(1990, 12, 24), ZoneId.of("America/New_York"), NINE,
				Instant.parse("2026-11-24T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-24T14:00:00Z"));
	}

	@Test
	void onceTodaysGreetingIsDueTheNextIsAYearLater() {
		assertThat(Birthdays.next(LocalDate.of(1990, 11, 24), STOCKHOLM, NINE, Instant.parse("2026-11-24T08:00:00Z")))
				.isEqualTo(Instant.parse("2027-11-24T08:00:00Z"));
		assertThat(Birthdays.next(LocalDate.of(1990, 11, 24), STOCKHOLM, NINE, Instant.parse("2026-11-24T07:59:59Z")))
				.isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
	}

	@Test
	void leapDayBirthdaysAreGreetedOn28FebruaryInOtherYears() {
		assertThat(Birthdays.next(LocalDate.of(2000, 2, 29), STOCKHOLM, NINE, Instant.parse("2026-11-24T12:00:00Z")))
				.isEqualTo(Instant.parse("2027-02-28T08:00:00Z"));
		assertThat(Birthdays.next(LocalDate.of(2000, 2, 29), STOCKHOLM, NINE, Instant.parse("2027-03-01T12:00:00Z")))
				.isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
	}

	@Test
	void summerTimeIsLocalTimeToo() {
		// 09:00 in Stockholm is 07:00 UTC in summer, 08:00 in winter
		assertThat(Birthdays.next(LocalDate.of(1990, 7, 1), STOCKHOLM, NINE, Instant.parse("2026-11-24T12:00:00Z")))
				.isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
		// a send time inside the spring-forward gap (02:30 on 29 March 2026) moves to 03:30
		assertThat(Birthdays.next(LocalDate.of(1990, 3, 29), STOCKHOLM, LocalTime.of(2, 30),
				Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}
}
