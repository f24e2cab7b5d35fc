package io.shopflow.segments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.shopflow.channels.sms.PhoneNumbers;

import org.springframework.stereotype.Component;

/**
 * A segment as lines of CSV, streamed: the contacts, or for ad platforms' custom audiences (Meta, Google, TikTok)
 * the SHA-256 of the trimmed, lower-cased email and of the E.164 phone number, hex encoded.
 */
@Component
public class AudienceExport {

	private final Segments segments;
	private final String defaultRegion;

	AudienceExport(Segments segments, @org.springframework.beans.factory.annotation.Value("${shopflow.sms.default-region:SE}")
			String defaultRegion) {
		this.segments = segments;
		this.defaultRegion = defaultRegion;
	}

	public void write(JsonNode condition, boolean hashed, Consumer<String> line) {
		line.accept(hashed ? "email_sha256,phone_sha256" : "id,email,phone,first_name,last_name,locale");
		segments.contacts(condition, contact -> {
			if (hashed) {
				String email = contact.email() == null ? "" : sha256(contact.email().trim().toLowerCase(Locale.ROOT));
				String phone = e164(contact).map(AudienceExport::sha256).orElse("");
				if (!email.isEmpty() || !phone.isEmpty()) {
					line.accept(email + "," + phone);
				}
			}
			else {
				line.accept(String.join(",", csv(contact.id()), csv(contact.email()), csv(contact.phone()),
						csv(contact.firstName()), csv(contact.lastName()), csv(contact.locale())));
			}
		});
	}

	private java.util.Optional<String> e164(Segments.Contact contact) {
		if (contact.phone() == null) {
			return java.util.Optional.empty();
		}
		String region = contact.locale() == null || Locale.forLanguageTag(contact.locale()).getCountry().isEmpty()
				? defaultRegion : Locale.forLanguageTag(contact.locale()).getCountry();
		return PhoneNumbers.e164(contact.phone(), region);
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		// a leading = + - @ would be a formula in a spreadsheet
		String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
