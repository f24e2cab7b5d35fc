package io.shopflow.security;

import java.util.Set;

/** The role matrix of docs/security.md, as the tests check it: who may call a path of Shopflow's API. */
final class Matrix {

	private Matrix() {
	}

	/** The callers allowed on the path; null for public paths (signed links, provider signatures). */
	static Set<String> allowed(String path) {
		if (path.startsWith("/api/events")) {
			return Set.of("integrator");
		}
		if (path.startsWith("/api/customers")) {
			return Set.of("integrator", "operator");
		}
		if (path.startsWith("/api/stats") || path.startsWith("/api/segments") || path.startsWith("/api/campaigns")
				|| path.startsWith("/api/templates")) {
			return Set.of("marketer", "operator");
		}
		if (path.startsWith("/api/") || path.startsWith("/outbox") || path.startsWith("/actuator/prometheus")) {
			return Set.of("operator");
		}
		return null;
	}
}
