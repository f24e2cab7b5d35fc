package io.shopflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the API token as a bearer token, or as the password of Basic auth (any user name),
 * which is what Camunda's REST clients and the Modeler's deploy dialog send.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final byte[] token;

	ApiTokenFilter(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		String user = presented(header);
		if (user != null) {
			var authentication = new UsernamePasswordAuthenticationToken(user, null,
					List.of(new SimpleGrantedAuthority("ROLE_API")));
			SecurityContextHolder.getContext().setAuthentication(authentication);
		}
		chain.doFilter(request, response);
	}

	/** The caller's name when the header carries the right token, else null. */
	private String presented(String header) {
		if (header == null) {
			return null;
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return matches(header.substring(7).trim()) ? "api" : null;
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon > 0 && matches(decoded.substring(colon + 1))) {
				return decoded.substring(0, colon);
			}
		}
		return null;
	}

	private boolean matches(String presented) {
		return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
	}
}
