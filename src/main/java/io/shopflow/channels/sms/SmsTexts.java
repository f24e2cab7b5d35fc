package io.shopflow.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/** What turns a rendered text into a marketing SMS: a normalised number and the opt-out hint. */
@Component
public class SmsTexts {

	private final SmsSettings settings;

	SmsTexts(SmsSettings settings) {
		this.settings = settings;
	}

	public Optional<String> number(String raw, Locale locale) {
		String region = locale != null && !locale.getCountry().isEmpty() ? locale.getCountry() : settings.defaultRegion();
		return PhoneNumbers.e164(raw, region);
	}

	public boolean isStop(String inbound) {
		if (inbound == null) {
			return false;
		}
		String word = inbound.strip().toUpperCase(Locale.ROOT);
		return settings.stopKeywords().values().stream().flatMap(Set::stream)
				.anyMatch(keyword -> keyword.toUpperCase(Locale.ROOT).equals(word));
	}

	public String withOptOutHint(String text, Locale locale) {
		String language = locale == null ? "en" : locale.getLanguage();
		String hint = settings.optOutHints().getOrDefault(language, settings.optOutHints().get("en"));
		return hint == null ? text : text.strip() + "\n" + hint;
	}
}
