package io.shopflow.templates;

import java.util.Locale;

/**
 * $plural.pick($n, forms...) picks the plural form of a whole number by the CLDR rules of the template's
 * language. Polish and Russian take three forms (one, few, many: 1 zamówienie, 2 zamówienia, 5 zamówień);
 * the other languages two (one, other).
 */
public class PluralTool {

	private final String language;

	PluralTool(Locale locale) {
		this.language = locale.getLanguage();
	}

	public String pick(Object number, String... forms) {
		if (forms.length == 0) {
			return "";
		}
		long n = Math.abs(number instanceof Number value ? value.longValue() : Long.parseLong(String.valueOf(number)));
		int form = switch (language) {
			case "pl" -> n == 1 ? 0 : few(n) ? 1 : 2;
			case "ru", "uk" -> n % 10 == 1 && n % 100 != 11 ? 0 : few(n) ? 1 : 2;
			default -> n == 1 ? 0 : 1;
		};
		return forms[Math.min(form, forms.length - 1)];
	}

	private static boolean few(long n) {
		return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
	}
}
