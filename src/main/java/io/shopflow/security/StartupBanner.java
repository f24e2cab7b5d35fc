package io.shopflow.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where to click and which generated secrets to use. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
		String base = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		StringBuilder text = new StringBuilder("\n\n  Shopflow is ready\n")
				.append("  Cockpit:      ").append(base).append("/camunda/app/cockpit/\n")
				.append("  Events API:   POST ").append(base).append("/api/events\n")
				.append("  Engine REST:  ").append(base).append("/engine-rest (Basic auth as a Camunda user)\n")
				.append("  Dashboard:    ").append(base).append("/dashboard/ (marketers and operators)\n");
		if (GeneratedSecrets.wasGenerated(env, GeneratedSecrets.ADMIN_PASSWORD)) {
			text.append("  Admin login:  ").append(env.getProperty("camunda.bpm.admin-user.id")).append(" / ")
					.append(env.getProperty(GeneratedSecrets.ADMIN_PASSWORD))
					.append("   (generated; set camunda.bpm.admin-user.password to keep one)\n");
		}
		if (GeneratedSecrets.wasGenerated(env, GeneratedSecrets.API_TOKEN)) {
			text.append("  API token:    ").append(env.getProperty(GeneratedSecrets.API_TOKEN))
					.append("   (generated; set shopflow.api.token to keep one)\n");
		}
		log.info(text.toString());
	}
}
