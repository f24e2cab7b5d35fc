package io.shopflow.templates;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * location: an optional folder overriding the packaged templates; defaultLocale ends the fallback chain;
 * checkInterval: how often a parsed template from the folder is checked for a newer file (zero: read it for
 * every message).
 */
@ConfigurationProperties("shopflow.templates")
record TemplateSettings(String location, Locale defaultLocale, Duration checkInterval) {

	TemplateSettings {
		if (checkInterval == null || checkInterval.isNegative()) {
			checkInterval = Duration.ofSeconds(2);
		}
	}
}
