package io.shopflow.security;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A marketer or operator signed in at /dashboard/login reads the dashboard, the statistics and the API description
 * with that session. The session never writes through the API: writes take Basic auth, so a forged cross-site
 * request cannot ride on the session cookie.
 */
public class DashboardSession extends OncePerRequestFilter {

	private static final String USER = "shopflow.dashboard.user";
	private static final String ROLES = "shopflow.dashboard.roles";

	/**
	 * Starts a fresh session (no fixation) for a Camunda user with the given groups; false, and no session, when
	 * the user is neither marketer nor operator.
	 */
	public static boolean signIn(HttpServletRequest request, String user, Set<String> groups) {
		Set<Role> roles = Role.ofGroups(groups);
		if (roles.isEmpty()) {
			return false;
		}
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		HttpSession session = request.getSession(true);
		session.setAttribute(USER, user);
		session.setAttribute(ROLES, EnumSet.copyOf(roles));
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(USER) instanceof String user
				&& session.getAttribute(ROLES) instanceof Set<?> roles
				&& SecurityContextHolder.getContext().getAuthentication() == null) {
			SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
					roles.stream().map(role -> ((Role) role).authority()).toList()));
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return !(path.startsWith("/dashboard") || read && (path.startsWith("/api/") || path.startsWith("/swagger-ui")
				|| path.startsWith("/v3/api-docs")));
	}
}
