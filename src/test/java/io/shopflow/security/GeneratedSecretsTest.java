package io.shopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class GeneratedSecretsTest {

	@Test
	void generatesWhatIsUnsetAndKeepsWhatIsSet() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given",
				Map.of(GeneratedSecrets.API_TOKEN, "", GeneratedSecrets.ADMIN_PASSWORD, "chosen-by-operator")));

		new GeneratedSecrets().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty(GeneratedSecrets.API_TOKEN)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(GeneratedSecrets.wasGenerated(environment, GeneratedSecrets.API_TOKEN)).isTrue();
		assertThat(environment.getProperty(GeneratedSecrets.ADMIN_PASSWORD)).isEqualTo("chosen-by-operator");
		assertThat(GeneratedSecrets.wasGenerated(environment, GeneratedSecrets.ADMIN_PASSWORD)).isFalse();
	}

	@Test
	void neverTheSameTwice() {
		assertThat(GeneratedSecrets.randomSecret()).isNotEqualTo(GeneratedSecrets.randomSecret());
	}
}
