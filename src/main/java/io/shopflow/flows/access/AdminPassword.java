package io.shopflow.flows.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The starter creates the admin user only once. camunda.bpm.admin-user.password (set, or generated for this run)
 * is applied at every start when it differs from the stored one, so rotating it is a restart with the new value,
 * and the password printed at start is always the one that works.
 */
@Component
class AdminPassword {

	private static final Logger log = LoggerFactory.getLogger(AdminPassword.class);

	private final IdentityService identity;
	private final ProcessEngineConfigurationImpl engine;
	private final Environment environment;

	AdminPassword(IdentityService identity, ProcessEngineConfigurationImpl engine, Environment environment) {
		this.identity = identity;
		this.engine = engine;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void apply() {
		String id = environment.getProperty("camunda.bpm.admin-user.id");
		String password = environment.getProperty("camunda.bpm.admin-user.password");
		if (id == null || password == null || password.isEmpty()) {
			return;
		}
		var admin = (UserEntity) identity.createUserQuery().userId(id).singleResult();
		// compared here, not with checkPassword(): a failed check counts as a failed login and may delay the user
		if (admin != null && !engine.getPasswordManager().check(EncryptionUtil.saltPassword(password, admin.getSalt()), admin.getPassword())) {
			admin.setPassword(password);
			identity.saveUser(admin);
			identity.unlockUser(id);
			log.info("The password of Camunda user '{}' was set from camunda.bpm.admin-user.password; the old one no "
					+ "longer works.", id);
		}
	}
}
