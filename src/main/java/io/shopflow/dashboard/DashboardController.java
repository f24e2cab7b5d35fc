package io.shopflow.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.shopflow.flows.CockpitUsers;
import io.shopflow.security.DashboardSession;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The marketer's dashboard (static page under /dashboard/) and its sign-in as a marketer or operator. */
@Controller
class DashboardController {

	private static final String LOGIN_PAGE = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><title>Shopflow dashboard: sign in</title>
			<link rel="stylesheet" href="/dashboard/dashboard.css"></head>
			<body class="login"><form method="post" action="/dashboard/login">
			<h1>Shopflow</h1><p>Sign in with your Cockpit user.</p>%s
			<label>User <input name="username" id="username" autocomplete="username" required></label>
			<label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
			<button type="submit" id="signin">Sign in</button></form></body></html>""";

	private final CockpitUsers users;

	DashboardController(CockpitUsers users) {
		this.users = users;
	}

	@GetMapping({ "/dashboard", "/dashboard/" })
	String dashboard() {
		return "forward:/dashboard/index.html";
	}

	@GetMapping(path = "/dashboard/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String loginPage(HttpServletRequest request) {
		return page(request, "");
	}

	/** The sign-in form, with the CSRF token of this browser's session. */
	private static String page(HttpServletRequest request, String message) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String field = csrf == null ? "" : "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
				.formatted(csrf.getParameterName(), csrf.getToken());
		return LOGIN_PAGE.formatted(message + field);
	}

	/** The CSRF token for the dashboard's sign-out form, which is a static page. */
	@GetMapping(path = "/dashboard/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	java.util.Map<String, String> csrf(CsrfToken csrf) {
		return java.util.Map.of("parameterName", csrf.getParameterName(), "token", csrf.getToken());
	}

	@PostMapping(path = "/dashboard/login", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> login(@RequestParam(required = false) String username,
			@RequestParam(required = false) String password, HttpServletRequest request) {
		var groups = users.signIn(username, password);
		if (groups.isEmpty()) {
			return ResponseEntity.status(401).contentType(MediaType.TEXT_HTML)
					.body(page(request, "<p class=\"error\">Wrong user or password.</p>"));
		}
		if (!DashboardSession.signIn(request, username, groups.get())) {
			return ResponseEntity.status(403).contentType(MediaType.TEXT_HTML).body(page(request,
					"<p class=\"error\">This user is neither a marketer (shopflow-marketers) nor an operator.</p>"));
		}
		return ResponseEntity.status(303).header("Location", "/dashboard/").build();
	}

	@PostMapping("/dashboard/logout")
	String logout(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/dashboard/login";
	}
}
