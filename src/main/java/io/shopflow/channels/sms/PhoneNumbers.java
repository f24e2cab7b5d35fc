package io.shopflow.channels.sms;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/** E.164 normalisation with libphonenumber; a number it does not consider valid is no number. */
public final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/** @param region ISO 3166 country used for numbers without a + prefix, e.g. "SE"; may be null */
	public static Optional<String> e164(String raw, String region) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			var number = PHONES.parse(raw, region == null ? "ZZ" : region);
			return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}
}
