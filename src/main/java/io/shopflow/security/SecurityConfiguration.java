package io.shopflow.security;

import static io.shopflow.security.Role.INTEGRATOR;
import static io.shopflow.security.Role.MARKETER;
import static io.shopflow.security.Role.OPERATOR;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import io.shopflow.flows.CockpitUsers;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what (docs/security.md has the matrix): the shop's token opens the events and customer data API;
 * marketers and operators sign in as Camunda users; /engine-rest and the Camunda webapps check their users
 * themselves, with Camunda's authorizations on; the rest is public and protected by signed links or the
 * providers' signatures.
 */
@Configuration
class SecurityConfiguration {

	static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; "
			+ "form-action 'self'";

	@Bean
	SecurityFilterChain security(HttpSecurity http, ApiSettings settings, CockpitUsers users, ObjectMapper json)
			throws Exception {
		RequestMatcher dashboard = request -> path(request).startsWith("/dashboard");
		return http
				// forms that change state carry a token; the token-authenticated API and the RFC 8058 one-click
				// unsubscribe (posted by mail providers, which have no session) do not need one
				.csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
						.requireCsrfProtectionMatcher(request -> "POST".equals(request.getMethod())
								&& (path(request).startsWith("/dashboard/") || path(request).startsWith("/preferences/"))))
				// no session fixation switch on every request: the dashboard sign-in starts a fresh session itself
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
				.headers(h -> h.frameOptions(f -> f.sameOrigin()).addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						dashboard, new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY))))
				.addFilterBefore(new ApiTokenFilter(settings.token()), BasicAuthenticationFilter.class)
				.addFilterAfter(new StaffBasicAuth(users), ApiTokenFilter.class)
				.addFilterAfter(new DashboardSession(), StaffBasicAuth.class)
				.authorizeHttpRequests(auth -> auth
						// a streamed answer (exports) was authorised when its request came in
						.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
						.requestMatchers("/dashboard/login", "/dashboard/dashboard.css").permitAll()
						.requestMatchers("/dashboard", "/dashboard/**").hasRole(MARKETER.name())
						.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
						.hasAnyRole(INTEGRATOR.name(), MARKETER.name())
						.requestMatchers("/api/events", "/api/events/**").hasRole(INTEGRATOR.name())
						.requestMatchers("/api/customers", "/api/customers/**").hasAnyRole(INTEGRATOR.name(), OPERATOR.name())
						.requestMatchers("/api/stats/**", "/api/segments", "/api/segments/**", "/api/campaigns",
								"/api/campaigns/**", "/api/templates", "/api/templates/**").hasRole(MARKETER.name())
						.requestMatchers("/api/**", "/outbox", "/outbox/**", "/actuator/**").hasRole(OPERATOR.name())
						// Camunda's own login and authorizations (EngineRestLogin, the webapps' sign-in)
						.requestMatchers("/engine-rest/**", "/camunda/**").permitAll()
						.anyRequest().permitAll())
				.exceptionHandling(e -> e
						.defaultAuthenticationEntryPointFor((request, response, exception) -> response
								.sendRedirect(request.getContextPath() + "/dashboard/login"),
								request -> path(request).startsWith("/dashboard") || path(request).startsWith("/swagger-ui"))
						.defaultAuthenticationEntryPointFor(unauthorized(json), AnyRequestMatcher.INSTANCE))
				.requestCache(c -> c.disable())
				.build();
	}

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginSettings settings) {
		// the wall clock, not the engine's: tests and demos move the engine clock
		var registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(new LoginThrottle(settings, Clock.systemUTC())));
		// before Spring Security (-100) and Camunda's /engine-rest login, so a throttled guess is never checked
		registration.setOrder(-200);
		return registration;
	}

	private static String path(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** 401 as an RFC 9457 problem, with the challenge of both schemes we accept. */
	private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
		return (request, response, exception) -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"The shop sends 'Authorization: Bearer <shopflow.api.token>'; marketers and operators sign in "
							+ "with Basic auth as their Camunda user.");
			problem.setTitle("Missing or wrong credentials");
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
