package io.shopflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shop's API token, as a bearer token only: it makes the caller an integrator. It is no password of anything
 * else, so a token leaked from a shop's webhook settings opens neither the engine nor the staff's pages.
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
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				&& MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
			SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("shop", null,
					List.of(Role.INTEGRATOR.authority())));
		}
		chain.doFilter(request, response);
	}
}
