package io.shopflow.flows;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/** The users of Cockpit (Camunda's identity service), so Shopflow's own pages and API share their login. */
@Service
public class CockpitUsers {

	private final IdentityService identity;

	CockpitUsers(IdentityService identity) {
		this.identity = identity;
	}

	/** The user's groups when the password is right; empty when it is not (Camunda counts it as a failed login). */
	public Optional<Set<String>> signIn(String userId, String password) {
		if (userId == null || password == null || userId.isBlank() || !identity.checkPassword(userId, password)) {
			return Optional.empty();
		}
		return Optional.of(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
				.collect(Collectors.toUnmodifiableSet()));
	}
}
