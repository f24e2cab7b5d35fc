package io.shopflow.flows.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopflow.EngineTest;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * camunda.bpm.admin-user.password is applied at start when the stored password differs: a password set after the
 * first run, or rotated, works and the old one no longer does. The marketers' group and its rights are there.
 */
@EngineTest
class AdminPasswordTest {

	@Autowired
	AdminPassword adminPassword;

	@Autowired
	IdentityService identity;

	@Test
	void theConfiguredPasswordReplacesAnOlderOneAtStart() {
		var admin = identity.createUserQuery().userId("admin").singleResult();
		admin.setPassword("the-old-generated-one");
		identity.saveUser(admin);

		adminPassword.apply(); // what every start does

		assertThat(identity.checkPassword("admin", "engine-test")).isTrue();
		assertThat(identity.checkPassword("admin", "the-old-generated-one")).isFalse();
		// that failed check stamped the user with the engine clock, which other tests of this context move
		identity.unlockUser("admin");
	}

	@Test
	void anUnchangedPasswordIsLeftAsItIs() {
		String before = identity.createUserQuery().userId("admin").singleResult().getPassword();
		adminPassword.apply();
		assertThat(identity.createUserQuery().userId("admin").singleResult().getPassword()).isEqualTo(before);
	}

	@Test
	void marketersHaveTheirGroupAndNoIdentityAdministration() {
		assertThat(identity.createGroupQuery().groupId("shopflow-marketers").count()).isOne();
	}
}
