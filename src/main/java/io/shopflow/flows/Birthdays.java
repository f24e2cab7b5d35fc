package io.shopflow.flows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import io.shopflow.customers.Customer;
import io.shopflow.customers.Customers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * ${birthdays.next(execution)}: the customer's next birthday at the send time, in their own time zone, as
 * the birthday flow's timer date. Leap-day birthdays are greeted on 28 February in other years; a send time
 * that falls into a DST gap moves to the first valid moment after it. Public for the engine's expressions.
 */
@io.shopflow.flows.guard.ExposedToFlows
@Component("birthdays")
public class Birthdays {

	private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

	private final Customers customers;
	private final BirthdaySettings settings;

	Birthdays(Customers customers, BirthdaySettings settings) {
		this.customers = customers;
		this.settings = settings;
	}

	public boolean known(DelegateExecution execution) {
		return customer(execution).map(Customer::birthday).isPresent();
	}

	public Date next(DelegateExecution execution) {
		Customer customer = customer(execution).orElseThrow();
		ZoneId zone = customer.zone(settings.fallbackTimeZone());
		return Date.from(next(customer.birthday(), zone, settings.sendAt(), ClockUtil.getCurrentTime().toInstant()));
	}

	/** The first greeting moment strictly after now. */
	static Instant next(LocalDate birthday, ZoneId zone, LocalTime at, Instant now) {
		for (int year = now.atZone(zone).getYear();; year++) {
			Instant candidate = ZonedDateTime.of(inYear(birthday, year), at, zone).toInstant();
			if (candidate.isAfter(now)) {
				return candidate;
			}
		}
	}

	private static LocalDate inYear(LocalDate birthday, int year) {
		if (MonthDay.from(birthday).equals(LEAP_DAY) && !Year.isLeap(year)) {
			return LocalDate.of(year, 2, 28);
		}
		return birthday.withYear(year);
	}

	private Optional<Customer> customer(DelegateExecution execution) {
		return customers.find(execution.getProcessBusinessKey());
	}
}
