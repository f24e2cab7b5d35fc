package io.shopflow.security;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every write API needs the API token. Cockpit and the other Camunda webapps keep their own login,
 * the public endpoints are the ones a recipient's mail client or browser calls (unsubscribe links).
 */
@Configuration
class SecurityConfiguration {

	@Bean
	SecurityFilterChain security(HttpSecurity http, ApiSettings settings, ObjectMapper json) throws Exception {
		return http
				.csrf(csrf -> csrf.disable()) // token-authenticated API; the Camunda webapps bring their own CSRF filter
				// no session fixation switch on every request: the dashboard sign-in starts a fresh session itself
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
				.headers(h -> h.frameOptions(f -> f.sameOrigin()))
				.addFilterBefore(new ApiTokenFilter(settings.token()), BasicAuthenticationFilter.class)
				.addFilterAfter(new DashboardSession(), ApiTokenFilter.class)
				.authorizeHttpRequests(auth -> auth
						// a streamed answer (exports) was authorised when its request came in
						.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
						.requestMatchers("/dashboard/login", "/dashboard/dashboard.css").permitAll()
						.requestMatchers("/dashboard", "/dashboard/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
								"/v3/api-docs/**").hasAnyRole("DASHBOARD", "API")
						.requestMatchers(HttpMethod.GET, "/api/stats/**").hasAnyRole("DASHBOARD", "API")
						.requestMatchers("/api/**", "/engine-rest/**", "/outbox/**", "/actuator/**").hasRole("API")
						.anyRequest().permitAll())
				.exceptionHandling(e -> e
						.defaultAuthenticationEntryPointFor((request, response, exception) -> response
								.sendRedirect(request.getContextPath() + "/dashboard/login"),
								request -> request.getRequestURI().startsWith(request.getContextPath() + "/dashboard")
										|| request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui"))
						.defaultAuthenticationEntryPointFor(unauthorized(json), AnyRequestMatcher.INSTANCE))
				.requestCache(c -> c.disable())
				.build();
	}

	/** 401 as an RFC 9457 problem, with the challenge for both schemes we accept. */
	private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
		return (request, response, exception) -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Send 'Authorization: Bearer <shopflow.api.token>' (or Basic auth with the token as password).");
			problem.setTitle("Missing or wrong API token");
			problem.setType(URI.create("https://shopflow.io/problems/unauthorized"));
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.addHeader("WWW-Authenticate", "Bearer realm=\"shopflow\"");
			response.addHeader("WWW-Authenticate", "Basic realm=\"shopflow\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			write(json, response, problem);
		};
	}

	private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) {
		try {
			json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
