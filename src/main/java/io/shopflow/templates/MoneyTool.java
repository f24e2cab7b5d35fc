package io.shopflow.templates;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** $money.format($amount, $currency) in the customer's locale: "19,90 kr", "€19.90". */
public class MoneyTool {

	private final Locale locale;

	MoneyTool(Locale locale) {
		this.locale = locale;
	}

	public String format(Object amount, Object currency) {
		if (amount == null) {
			return "";
		}
		BigDecimal value = amount instanceof BigDecimal d ? d : new BigDecimal(amount.toString());
		NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
				? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultCountry(locale)) : locale);
		if (currency != null) {
			try {
				format.setCurrency(Currency.getInstance(currency.toString()));
			}
			catch (IllegalArgumentException e) {
				return value.toPlainString() + " " + currency;
			}
		}
		return format.format(value);
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
