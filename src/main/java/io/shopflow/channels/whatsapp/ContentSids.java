package io.shopflow.channels.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which approved content template a step uses in the customer's language: shopflow.whatsapp.content-sids by
 * &lt;flow&gt;/&lt;step&gt;/&lt;locale&gt;, falling back like templates do (sv-SE, sv, the default locale).
 */
class ContentSids {

	private final WhatsAppSettings settings;

	ContentSids(WhatsAppSettings settings) {
		this.settings = settings;
	}

	Optional<String> of(String flow, String step, Locale locale) {
		for (String tag : fallbackChain(locale)) {
			String sid = settings.contentSids().get(flow + "/" + step + "/" + tag);
			if (sid != null && !sid.isBlank()) {
				return Optional.of(sid.strip());
			}
		}
		return Optional.empty();
	}

	private List<String> fallbackChain(Locale locale) {
		List<String> chain = new ArrayList<>();
		if (locale != null && !locale.getLanguage().isEmpty()) {
			if (!locale.getCountry().isEmpty()) {
				chain.add(locale.getLanguage() + "-" + locale.getCountry());
			}
			chain.add(locale.getLanguage());
		}
		chain.add(settings.defaultLocale());
		return chain;
	}
}
