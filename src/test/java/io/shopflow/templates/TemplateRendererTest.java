package io.shopflow.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {

	TemplateRenderer renderer = new TemplateRenderer(new TemplateSettings(null, Locale.ENGLISH, null));

	@Test
	void fallsBackFromRegionToLanguageToEnglish() {
		assertThat(renderer.fallbackChain(Locale.forLanguageTag("sv-SE"))).containsExactly("sv-SE", "sv", "en");
		assertThat(renderer.render("email", "abandoned-cart", "first-reminder", Locale.forLanguageTag("sv-SE"), model())
				.subject()).contains("varukorg");
		assertThat(renderer.render("email", "abandoned-cart", "first-reminder", Locale.GERMANY, model()).subject())
				.containsIgnoringCase("cart");
	}

	@Test
	void escapesPersonalDataInHtmlButNotInText() {
		RenderedMessage message = renderer.render("email", "abandoned-cart", "first-reminder", Locale.ENGLISH, model());

		assertThat(message.html()).contains("Eve &lt;script&gt;").doesNotContain("<script>")
				.contains("<html").contains("https://shop.example.com/cart/1?a=1&amp;b=2");
		assertThat(message.text()).contains("Eve <script>");
		assertThat(message.subject()).doesNotContain("\n");
	}

	@Test
	void formatsMoneyInTheCustomersLocale() {
		assertThat(new MoneyTool(Locale.forLanguageTag("sv-SE")).format(new BigDecimal("19.9"), "SEK"))
				.isEqualTo("19,90\u00a0kr");
		assertThat(new MoneyTool(Locale.ENGLISH).format(new BigDecimal("19.9"), "EUR")).isEqualTo("€19.90");
	}

	@Test
	void keepsEachLocaleAndCurrencyApartWhenFormatsAreReused() {
		MoneyTool english = new MoneyTool(Locale.ENGLISH);
		for (int i = 0; i < 3; i++) {
			assertThat(english.format(new BigDecimal("5"), "EUR")).isEqualTo("€5.00");
			assertThat(english.format(new BigDecimal("5"), "GBP")).isEqualTo("£5.00");
			assertThat(english.format("1234.5", null)).isEqualTo("$1,234.50");
			assertThat(new MoneyTool(Locale.forLanguageTag("de-DE")).format(new BigDecimal("5"), "EUR"))
					.isEqualTo("5,00 €");
			assertThat(english.format(new BigDecimal("5"), "XYZ1")).isEqualTo("5 XYZ1");
		}
	}

	@Test
	void picksPluralFormsByTheLanguagesRules() {
		PluralTool ru = new PluralTool(Locale.forLanguageTag("ru"));
		assertThat(List.of(1, 2, 5, 11, 12, 21, 22, 25, 111).stream().map(n -> ru.pick(n, "заказ", "заказа", "заказов")))
				.containsExactly("заказ", "заказа", "заказов", "заказов", "заказов", "заказ", "заказа", "заказов", "заказов");
		PluralTool pl = new PluralTool(Locale.forLanguageTag("pl"));
		assertThat(List.of(1, 2, 5, 12, 22, 25).stream().map(n -> pl.pick(n, "dzień", "dni", "dni")))
				.containsExactly("dzień", "dni", "dni", "dni", "dni", "dni");
		assertThat(List.of(1, 4, 5, 14, 24).stream().map(n -> pl.pick(n, "zamówienie", "zamówienia", "zamówień")))
				.containsExactly("zamówienie", "zamówienia", "zamówień", "zamówień", "zamówienia");
		PluralTool sv = new PluralTool(Locale.forLanguageTag("sv"));
		assertThat(sv.pick(1, "dag", "dagar")).isEqualTo("dag");
		assertThat(sv.pick(0L, "dag", "dagar")).isEqualTo("dagar");
	}

	@Test
	void templatesCannotReachJavaInternals() {
		var sandbox = new TemplateRenderer(new TemplateSettings("src/test/resources/sandbox", Locale.ENGLISH, null));
		RenderedMessage message = sandbox.render("email", "evil", "probe", Locale.ENGLISH, model());

		// the secure uberspector refuses getClass(), so the reference stays unrendered text
		assertThat(message.text()).contains("class: $customer.getClass()")
				.doesNotContain("class java.lang.Runtime").doesNotContain("Process[pid");
	}

	@Test
	void keepsAParsedTemplateUntilTheNextCheck(@TempDir Path folder) throws IOException {
		var folderRenderer = new TemplateRenderer(new TemplateSettings(folder.toString(), Locale.ENGLISH,
				Duration.ofHours(1)));
		Path offer = write(folder, "first offer");
		assertThat(subject(folderRenderer)).isEqualTo("first offer");

		rewrite(offer, "second offer");

		assertThat(subject(folderRenderer)).isEqualTo("first offer");
	}

	@Test
	void readsAnEditedTemplateAfterTheCheckInterval(@TempDir Path folder) throws IOException {
		var folderRenderer = new TemplateRenderer(new TemplateSettings(folder.toString(), Locale.ENGLISH,
				Duration.ofSeconds(1)));
		Path offer = write(folder, "first offer");
		assertThat(subject(folderRenderer)).isEqualTo("first offer");

		rewrite(offer, "second offer");

		await().atMost(Duration.ofSeconds(10)).until(() -> subject(folderRenderer).equals("second offer"));
	}

	@Test
	void aZeroIntervalReadsTheFileForEveryMessage(@TempDir Path folder) throws IOException {
		var folderRenderer = new TemplateRenderer(new TemplateSettings(folder.toString(), Locale.ENGLISH,
				Duration.ZERO));
		Path offer = write(folder, "first offer");
		assertThat(subject(folderRenderer)).isEqualTo("first offer");

		rewrite(offer, "second offer");

		assertThat(subject(folderRenderer)).isEqualTo("second offer");
	}

	@Test
	void picksUpATranslationAddedToTheFolderAfterTheCheckInterval(@TempDir Path folder) throws IOException {
		var folderRenderer = new TemplateRenderer(new TemplateSettings(folder.toString(), Locale.ENGLISH,
				Duration.ofSeconds(1)));
		Path offer = write(folder, "first offer");
		Locale german = Locale.forLanguageTag("de-DE");
		assertThat(folderRenderer.render("email", "promo", "offer", german, model()).subject()).isEqualTo("first offer");

		Files.writeString(offer.resolveSibling("offer.de.vm"), template("erstes Angebot"));

		await().atMost(Duration.ofSeconds(10)).until(() -> folderRenderer.render("email", "promo", "offer", german,
				model()).subject().equals("erstes Angebot"));
	}

	private static String subject(TemplateRenderer folderRenderer) {
		return folderRenderer.render("email", "promo", "offer", Locale.ENGLISH, model()).subject();
	}

	private static Path write(Path folder, String subject) throws IOException {
		Path offer = folder.resolve("templates/email/promo/offer.en.vm");
		Files.createDirectories(offer.getParent());
		return Files.writeString(offer, template(subject));
	}

	/** Saved later than the first version, as an editor would, even where the file system counts whole seconds. */
	private static void rewrite(Path offer, String subject) throws IOException {
		FileTime before = Files.getLastModifiedTime(offer);
		Files.writeString(offer, template(subject));
		Files.setLastModifiedTime(offer, FileTime.fromMillis(before.toMillis() + 10_000));
	}

	private static String template(String subject) {
		return "#set($subject = \"" + subject + "\")\n#define($text)Hello#end\n";
	}

	@Test
	void aMissingTemplateIsAFact() {
		assertThatThrownBy(() -> renderer.render("email", "no-such-flow", "step", Locale.ENGLISH, model()))
				.isInstanceOf(TemplateNotFound.class).hasMessageContaining("no-such-flow/step.en.vm");
	}

	private static Map<String, Object> model() {
		Map<String, Object> model = new HashMap<>();
		Map<String, Object> customer = new HashMap<>();
		customer.put("firstName", "Eve <script>");
		model.put("customer", customer);
		model.put("stage", "cart");
		Map<String, Object> item = new HashMap<>();
		item.put("name", "Mug");
		item.put("quantity", 1);
		item.put("price", new BigDecimal("9.95"));
		item.put("lineTotal", new BigDecimal("9.95"));
		model.put("cart", Map.of("items", List.of(item), "total", new BigDecimal("9.95"), "currency", "EUR", "url",
				"https://shop.example.com/cart/1?a=1&b=2"));
		model.put("shop", Map.of("name", "Shop", "url", "https://shop.example.com"));
		model.put("unsubscribeUrl", "https://x/unsubscribe/t");
		return model;
	}
}
