package io.shopflow.templates;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Renders templates/&lt;channel&gt;/&lt;flow&gt;/&lt;step&gt;.&lt;locale&gt;.vm. A step template sets $subject and
 * defines $html and $text blocks; the HTML is wrapped in templates/&lt;channel&gt;/layout.vm. Velocity runs with the
 * secure uberspector (no reflection, class loaders or System from a template) and every reference inserted into
 * HTML is escaped.
 */
@Service
public class TemplateRenderer {

	private static final int MAX_NAMES = 10_000;

	private final VelocityEngine velocity;
	private final Locale defaultLocale;
	private final Map<String, Resolved> names = new ConcurrentHashMap<>();
	/** 0: packaged templates only, which cannot change while running */
	private final long folderCheckNanos;

	TemplateRenderer(TemplateSettings settings) {
		this.defaultLocale = settings.defaultLocale() == null ? Locale.ENGLISH : settings.defaultLocale();
		Properties properties = new Properties();
		properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
		properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
		properties.setProperty("resource.default_encoding", "UTF-8");
		properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
		properties.setProperty("resource.loader.class.class",
				"org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
		properties.setProperty("resource.loader.class.cache", "true");
		if (StringUtils.hasText(settings.location())) {
			properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file,class");
			properties.setProperty("resource.loader.file.path", settings.location());
			// parsed once and kept, but a file saved since is read again within the interval: edits show without a
			// restart, and a send does not parse its template from disk each time
			long seconds = settings.checkInterval().toSeconds();
			properties.setProperty("resource.loader.file.cache", Boolean.toString(seconds > 0));
			properties.setProperty("resource.loader.file.modification_check_interval", Long.toString(seconds));
		}
		else {
			properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
		}
		this.folderCheckNanos = StringUtils.hasText(settings.location())
				? Math.max(1, settings.checkInterval().toNanos()) : 0;
		this.velocity = new VelocityEngine(properties);
		this.velocity.init();
	}

	public RenderedMessage render(String channel, String flow, String step, Locale locale, Map<String, Object> model) {
		Template template = find(channel, flow, step, locale);
		Locale used = localeOf(template.getName());
		Map<String, Object> base = new LinkedHashMap<>(model);
		base.put("money", new MoneyTool(locale == null ? used : locale));
		base.put("plural", new PluralTool(used));
		base.put("lang", used.getLanguage());

		VelocityContext plain = new VelocityContext(new LinkedHashMap<>(base));
		template.merge(plain, new StringWriter());
		String subject = text(plain.get("subject"));
		String text = text(plain.get("text"));

		VelocityContext escaping = new VelocityContext(new LinkedHashMap<>(base));
		EventCartridge cartridge = new EventCartridge();
		cartridge.addReferenceInsertionEventHandler(new EscapeHtmlInsertion());
		cartridge.attachToContext(escaping);
		template.merge(escaping, new StringWriter());
		String html = null;
		Object body = escaping.get("html");
		if (body != null) {
			escaping.put("body", new TrustedHtml(text(body)));
			StringWriter page = new StringWriter();
			velocity.getTemplate(templatesRoot(channel) + "/layout.vm").merge(escaping, page);
			html = page.toString();
		}
		// a customer's name must not be able to add a header line
		return new RenderedMessage(subject.replaceAll("[\\r\\n]+", " ").trim(), html, text.strip(),
				optional(plain.get("url")), optional(plain.get("icon")));
	}

	private Template find(String channel, String flow, String step, Locale locale) {
		String key = channel + "/" + flow + "/" + step + "/" + (locale == null ? "" : locale.toLanguageTag());
		Resolved resolved = names.get(key);
		if (resolved == null || isStale(resolved)) {
			resolved = new Resolved(resolve(channel, flow, step, locale), System.nanoTime());
			// locales come from shop events: bounded, not one entry per odd tag
			if (names.size() < MAX_NAMES) {
				names.put(key, resolved);
			}
		}
		return velocity.getTemplate(resolved.name());
	}

	/**
	 * Which file a send uses is looked up once: asking Velocity whether a file exists opens it on every call
	 * (3% of a sending thread's CPU in SendBench). A templates folder is asked again after the check interval,
	 * so a translation added there is picked up.
	 */
	private boolean isStale(Resolved resolved) {
		return folderCheckNanos > 0 && System.nanoTime() - resolved.atNanos() >= folderCheckNanos;
	}

	private String resolve(String channel, String flow, String step, Locale locale) {
		List<String> tried = new ArrayList<>();
		for (String tag : fallbackChain(locale)) {
			String name = templatesRoot(channel) + "/" + flow + "/" + step + "." + tag + ".vm";
			tried.add(name);
			if (velocity.resourceExists(name)) {
				return name;
			}
		}
		throw new TemplateNotFound(String.join(", ", tried));
	}

	private record Resolved(String name, long atNanos) {
	}

	/** sv-SE -> sv-SE, sv, en */
	List<String> fallbackChain(Locale locale) {
		List<String> chain = new ArrayList<>();
		if (locale != null && !locale.getLanguage().isEmpty()) {
			if (!locale.getCountry().isEmpty()) {
				chain.add(locale.getLanguage() + "-" + locale.getCountry());
			}
			chain.add(locale.getLanguage());
		}
		if (!chain.contains(defaultLocale.toLanguageTag())) {
			chain.add(defaultLocale.toLanguageTag());
		}
		return chain;
	}

	private static String templatesRoot(String channel) {
		return "templates/" + channel;
	}

	private static Locale localeOf(String templateName) {
		String[] parts = templateName.split("\\.");
		return Locale.forLanguageTag(parts[parts.length - 2]);
	}

	private static String optional(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
