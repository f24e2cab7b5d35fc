package io.shopflow.templates;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** $money.format($amount, $currency) in the customer's locale: "19,90 kr", "€19.90". */
public class MoneyTool {

	private static final int MAX_FORMATS = 1000;
	private static final Map<String, NumberFormat> FORMATS = new ConcurrentHashMap<>();

	private final Locale locale;

	MoneyTool(Locale locale) {
		this.locale = locale;
	}

	public String format(Object amount, Object currency) {
		if (amount == null) {
			return "";
		}
		BigDecimal value = amount instanceof BigDecimal d ? d : new BigDecimal(amount.toString());
		Locale formatLocale = locale.getCountry().isEmpty()
				? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultCountry(locale)) : locale;
		String key = formatLocale.toLanguageTag() + " " + currency;
		NumberFormat prototype = FORMATS.get(key);
		if (prototype == null) {
			prototype = NumberFormat.getCurrencyInstance(formatLocale);
			if (currency != null) {
				try {
					prototype.setCurrency(Currency.getInstance(currency.toString()));
				}
				catch (IllegalArgumentException e) {
					return value.toPlainString() + " " + currency;
				}
			}
			// locales and currencies come from shop events: a bounded cache, not one entry per odd tag
			if (FORMATS.size() < MAX_FORMATS) {
				FORMATS.put(key, prototype);
			}
		}
		// a clone per use: a NumberFormat is not thread-safe, and cloning is far cheaper than building one
		return ((NumberFormat) prototype.clone()).format(value);
	}

	private static String defaultCountry(Locale locale) {
		return switch (locale.getLanguage()) {
			case "sv" -> "SE";
			case "en" -> "US";
			case "da" -> "DK";
			case "nb", "no" -> "NO";
			case "fi" -> "FI";
			default -> locale.getLanguage().toUpperCase(Locale.ROOT);
		};
	}
}
