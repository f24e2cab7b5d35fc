package io.shopflow.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The callers of Shopflow and what each may open: the matrix in docs/security.md. */
enum Role {

	/** The shop: events, shop webhooks and the customer data API, with the API token. */
	INTEGRATOR,
	/** Camunda group shopflow-marketers: dashboard, statistics, segments, campaigns, templates, deploying flows. */
	MARKETER,
	/** Camunda group camunda-admin: everything a marketer may, plus Cockpit admin, the outbox and actuator. */
	OPERATOR;

	static final String MARKETERS_GROUP = "shopflow-marketers";
	static final String OPERATORS_GROUP = "camunda-admin";

	SimpleGrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/** A Camunda user's roles, from its groups; none for a user in neither group. */
	static Set<Role> ofGroups(Set<String> groups) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (groups.contains(OPERATORS_GROUP)) {
			roles.add(OPERATOR);
			roles.add(MARKETER);
		}
		if (groups.contains(MARKETERS_GROUP)) {
			roles.add(MARKETER);
		}
		return roles;
	}
}
