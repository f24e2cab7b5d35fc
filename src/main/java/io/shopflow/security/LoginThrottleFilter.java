package io.shopflow.security;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every way to try a password passes here first: Basic auth anywhere (our API, /engine-rest), the dashboard's
 * sign-in and Cockpit's. A throttled attempt answers 429 without the password being checked; the outcome of the
 * others (401 or not) feeds the throttle.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/.*");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = attemptedUser(request);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Duration wait = throttle.waitFor(user, address);
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"https://shopflow.io/problems/too-many-sign-ins\",\"title\":"
					+ "\"Too many failed sign-ins\",\"status\":429,\"detail\":\"Too many failed sign-ins from this "
					+ "address; try again in " + seconds + " s.\"}");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			throttle.failed(user, address);
		}
		else if (response.getStatus() < 400) {
			throttle.succeeded(user, address);
		}
	}

	/** The user name a request tries to sign in as, or null when it tries no password. */
	private static String attemptedUser(HttpServletRequest request) {
		String[] basic = StaffBasicAuth.credentials(request.getHeader("Authorization"));
		if (basic != null) {
			return basic[0];
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && (path.equals("/dashboard/login") || WEBAPP_LOGIN.matcher(path).matches())) {
			String user = request.getParameter("username");
			return user == null ? "" : user;
		}
		return null;
	}
}
