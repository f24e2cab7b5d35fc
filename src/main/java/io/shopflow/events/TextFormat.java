package io.shopflow.events;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.shopflow.support.HttpUrls;

/** A format a text field must have, and what the sender is told when it has not. */
enum TextFormat {

	EMAIL("must be an email address", Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+").asMatchPredicate()),
	PHONE("must be an E.164 phone number such as +46701234567", Pattern.compile("\\+[1-9]\\d{1,14}").asMatchPredicate()),
	CURRENCY("must be an ISO 4217 code such as EUR", Pattern.compile("[A-Z]{3}").asMatchPredicate()),
	LOCALE("must be a BCP 47 language tag such as sv-SE", value -> !Locale.forLanguageTag(value).getLanguage().isEmpty()),
	TIME_ZONE("must be an IANA time zone such as Europe/Stockholm", TextFormat::isZone),
	/** An absolute http or https URL, the only links from shop data that may reach a message. */
	URL("must be an absolute http or https URL", HttpUrls::isHttp);

	private final String rule;
	private final Predicate<String> check;

	TextFormat(String rule, Predicate<String> check) {
		this.rule = rule;
		this.check = check;
	}

	boolean accepts(String value) {
		return check.test(value);
	}

	String rule() {
		return rule;
	}

	private static boolean isZone(String value) {
		try {
			ZoneId.of(value);
			return true;
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
