package io.shopflow.messaging;

import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("shopflow.messaging")
record MessagingSettings(FrequencyCap frequencyCap, QuietHoursSettings quietHours) {

	/**
	 * At most maxMessages marketing messages per customer and channel within window; channels overrides both
	 * per channel (key: email, sms, push); sends of exemptFlows neither count nor are held back.
	 */
	record FrequencyCap(int maxMessages, Duration window, Map<String, Limit> channels, Set<String> exemptFlows) {

		Limit limitFor(String channel) {
			return channels != null && channels.containsKey(channel) ? channels.get(channel)
					: new Limit(maxMessages, window);
		}

		boolean exempts(String flow) {
			return exemptFlows != null && exemptFlows.contains(flow);
		}
	}

	record Limit(int maxMessages, Duration window) {
	}

	/**
	 * No marketing on these channels between start and end, in the customer's time zone (fallbackTimeZone
	 * without one). countries override the window per ISO country of the customer's locale, and may also
	 * keep whole days quiet: Sundays, fixed public holidays and ones that move with Easter (days after it).
	 */
	record QuietHoursSettings(Set<String> channels, LocalTime start, LocalTime end, ZoneId fallbackTimeZone,
			Map<String, CountryRules> countries) {
	}

	record CountryRules(LocalTime start, LocalTime end, boolean quietSundays, List<MonthDay> holidays,
			List<Integer> easterHolidays) {
	}
}
