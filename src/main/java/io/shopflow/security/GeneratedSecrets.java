package io.shopflow.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Fills in secrets the operator did not set with random values, so there is never a fixed default.
 * They are printed once, by {@link StartupBanner}, when the application is ready.
 */
public class GeneratedSecrets implements EnvironmentPostProcessor {

	static final String API_TOKEN = "shopflow.api.token";
	public static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
	static final String SOURCE_NAME = "shopflowGeneratedSecrets";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> generated = new LinkedHashMap<>();
		for (String key : new String[] { API_TOKEN, ADMIN_PASSWORD }) {
			if (!StringUtils.hasText(environment.getProperty(key))) {
				generated.put(key, randomSecret());
			}
		}
		if (!generated.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, generated));
		}
	}

	public static boolean wasGenerated(ConfigurableEnvironment environment, String key) {
		var source = environment.getPropertySources().get(SOURCE_NAME);
		return source != null && source.containsProperty(key);
	}

	static String randomSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
