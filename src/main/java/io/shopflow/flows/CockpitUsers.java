package io.shopflow.flows;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/** The users of Cockpit (Camunda's identity service), so Shopflow's own pages share their login. */
@Service
public class CockpitUsers {

	private final IdentityService identity;

	CockpitUsers(IdentityService identity) {
		this.identity = identity;
	}

	public boolean passwordMatches(String userId, String password) {
		return userId != null && password != null && !userId.isBlank() && identity.checkPassword(userId, password);
	}
}
