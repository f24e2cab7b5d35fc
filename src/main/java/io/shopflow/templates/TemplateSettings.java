package io.shopflow.templates;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** location: an optional folder overriding the packaged templates; defaultLocale ends the fallback chain. */
@ConfigurationProperties("shopflow.templates")
record TemplateSettings(String location, Locale defaultLocale) {
}
