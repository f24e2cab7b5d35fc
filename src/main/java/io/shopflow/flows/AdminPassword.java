package io.shopflow.flows;

import io.shopflow.security.GeneratedSecrets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The starter creates the admin user only once. When its password was generated for this run, it is set on
 * the existing user too, so the password printed at start is always the one that works.
 */
@Component
class AdminPassword {

	private final IdentityService identity;
	private final ConfigurableEnvironment environment;

	AdminPassword(IdentityService identity, ConfigurableEnvironment environment) {
		this.identity = identity;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void applyGenerated() {
		if (!GeneratedSecrets.wasGenerated(environment, GeneratedSecrets.ADMIN_PASSWORD)) {
			return;
		}
		User admin = identity.createUserQuery().userId(environment.getProperty("camunda.bpm.admin-user.id")).singleResult();
		// no checkPassword() first: a failed check counts as a failed login and bumps the user's revision
		if (admin != null) {
			admin.setPassword(environment.getProperty(GeneratedSecrets.ADMIN_PASSWORD));
			identity.saveUser(admin);
		}
	}
}
