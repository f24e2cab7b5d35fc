package io.shopflow.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Spring Security's firewall turns away (a ";", "//" or an encoded "/" in the path, a header it
 * distrusts) is the client's mistake: a 400 problem instead of the 500 of an unhandled RequestRejectedException.
 * The firewall is asked first, ahead of every other filter, because the security filter chain parses the path
 * (against the servlet's mapping, such as /engine-rest) before its own firewall sees it, and fails on such a path
 * with an IllegalArgumentException; as the RequestRejectedHandler bean this also answers what the security chain's
 * firewall rejects later (a header, read lazily). The path is not echoed: it is what the firewall distrusted.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class RejectedRequests extends OncePerRequestFilter implements RequestRejectedHandler {

	private final HttpFirewall firewall;
	private final ObjectMapper json;

	RejectedRequests(ObjectProvider<HttpFirewall> firewall, ObjectMapper json) {
		this.firewall = firewall.getIfAvailable(StrictHttpFirewall::new);
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException rejected) {
			handle(request, response, rejected);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request was rejected: " + rejected.getMessage());
		problem.setTitle("Request rejected");
		problem.setType(URI.create("https://shopflow.io/problems/request-rejected"));
		response.reset();
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
