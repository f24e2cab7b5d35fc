package io.shopflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.shopflow.flows.CockpitUsers;
import io.shopflow.support.DatabaseUnavailable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marketers and operators call Shopflow's own API with Basic auth as their Camunda user; their Camunda groups give
 * their roles. /engine-rest and the Camunda webapps check Basic auth themselves, with Camunda's authorizations.
 */
class StaffBasicAuth extends OncePerRequestFilter {

	private final CockpitUsers users;

	StaffBasicAuth(CockpitUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] credentials = credentials(request.getHeader("Authorization"));
		if (credentials != null && SecurityContextHolder.getContext().getAuthentication() == null) {
			Optional<Set<String>> groups;
			try {
				groups = users.signIn(credentials[0], credentials[1]);
			}
			catch (RuntimeException e) {
				if (!DatabaseUnavailable.isCause(e)) {
					throw e;
				}
				// the users live in the database: "again later", as the API answers while it is down
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setHeader("Retry-After", "5");
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"type\":\"https://shopflow.io/problems/database-unavailable\","
						+ "\"title\":\"Database unavailable\",\"status\":503}");
				return;
			}
			groups.ifPresent(found -> SecurityContextHolder.getContext().setAuthentication(
					new UsernamePasswordAuthenticationToken(credentials[0], null,
							Role.ofGroups(found).stream().map(Role::authority).toList())));
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/engine-rest") || path.startsWith("/camunda");
	}

	/** User and password of a Basic header, or null. */
	static String[] credentials(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon > 0 ? new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) } : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
