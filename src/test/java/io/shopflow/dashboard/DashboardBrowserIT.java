package io.shopflow.dashboard;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.IntegrationTestBase;
import io.shopflow.Links;
import io.shopflow.Mime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * seeded by a cart reminder that was clicked and bought from, signed in as the Cockpit admin, the charts and
 * the coloured diagram render. The screenshot lands in target/dashboard.png. Without a browser it is skipped,
 * with the reason, never passed.
 */
class DashboardBrowserIT extends IntegrationTestBase {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Pattern CLICK = Pattern.compile("https?://[^/\\s\"]+(/t/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Test
	void theDashboardShowsTheFunnelTheSeriesAndTheColouredFlow() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed: apt-get install chromium chromium-driver (as .ci/run does)");
		String customer = seedABoughtFromReminder();

		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
		logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--window-size=1400,1800",
						"--user-data-dir=" + Files.createTempDirectory("chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort().build();
		WebDriver browser = new ChromeDriver(service, options);
		try {
			browser.get("http://localhost:" + port + "/dashboard/");
			assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
			browser.findElement(By.id("username")).sendKeys("admin");
			browser.findElement(By.id("password")).sendKeys("it-admin-password");
			browser.findElement(By.id("signin")).click();

			try {
				new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "true".equals(
						b.findElement(By.tagName("body")).getDomAttribute("data-diagram")));
			}
			catch (RuntimeException e) {
				Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
						Path.of("target", "dashboard-failed.png"), StandardCopyOption.REPLACE_EXISTING);
				System.err.println("DASHBOARD " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
				browser.manage().logs().get("browser").forEach(entry -> System.err.println("CONSOLE " + entry));
				throw e;
			}
			assertThat(browser.findElements(By.cssSelector("#funnel canvas"))).as("funnel chart").isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("#series canvas"))).as("time series").isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("#diagram svg .djs-element"))).as("BPMN diagram").isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("#diagram .conversion"))).as("conversion overlays").isNotEmpty();
			assertThat(browser.findElement(By.id("steps")).getText()).contains("Task_SendFirstReminder");
			assertThat(browser.findElement(By.id("overview")).getText()).contains("abandoned-cart");

			Path screenshot = Path.of("target", "dashboard.png");
			Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
					StandardCopyOption.REPLACE_EXISTING);
			assertThat(Files.size(screenshot)).isGreaterThan(10_000);
		}
		finally {
			browser.quit();
		}
		assertThat(customer).isNotNull();
	}

	/** A cart reminder, a click on its cart link a few seconds later, then an order: attributed revenue. */
	private String seedABoughtFromReminder() throws Exception {
		String customer = customer();
		postEvents(batch(registered(customer, customer + "@example.com", "en", true),
				cartUpdated(id(), customer, "cart-" + customer, "Red Teapot")));
		String html = Mime.raw(awaitEmailsTo(customer, 1).get(0), "text/html");
		Thread.sleep(2500); // a click within 2 s of sending is taken for a mail scanner
		String click = restoreLink(html);
		HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + click)).header("User-Agent", "Mozilla/5.0 Firefox/133.0").build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(redirect.statusCode()).isEqualTo(302);
		postEvents(event(id(), "shop.order.placed", customer, """
				{"orderId":"o-%s","cartId":"cart-%s","items":[{"productId":"p-1","quantity":2,"price":9.95}],
				 "total":19.90,"currency":"EUR"}""".formatted(customer, customer)).replace("\"time\":\"2026-11-24T10:00:00Z\",", ""));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from attributions where customer_id = ?")
				.param(customer).query(Long.class).single() == 1);
		String stats = send(HttpRequest.newBuilder(uri("/api/stats/flows/abandoned-cart"))
				.header("Authorization", MARKETER).build()).body();
		var step = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats).path("steps").get(0);
		assertThat(step.path("clicked").asLong()).isPositive();
		assertThat(step.path("converted").asLong()).isPositive();
		assertThat(step.path("revenue").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("19.90"));
		return customer;
	}

	private static String restoreLink(String html) {
		Matcher matcher = CLICK.matcher(html);
		while (matcher.find()) {
			if (Links.untracked(matcher.group()).endsWith("/restore")) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no tracked restore link in " + html);
	}
}
