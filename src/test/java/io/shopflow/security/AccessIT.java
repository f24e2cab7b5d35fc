package io.shopflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.IntegrationTestBase;
import io.shopflow.flows.guard.Models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role matrix of docs/security.md, asked of the running server over HTTP: every path of the OpenAPI document
 * and the parts of /engine-rest that matter, with no credential, the shop's token, a marketer and an operator.
 */
class AccessIT extends IntegrationTestBase {

	private static final String INTEGRATOR = "Bearer " + TOKEN;
	private static final Map<String, String> CALLERS = Map.of("nobody", "", "integrator", INTEGRATOR,
			"marketer", MARKETER, "operator", OPERATOR);

	@TempDir
	Path dir;

	@Test
	void everyPathOfTheApiAnswersEachRoleAsTheMatrixSays() throws Exception {
		JsonNode paths = new ObjectMapper().readTree(request("GET", "/v3/api-docs", OPERATOR, null).body()).path("paths");
		List<String> walked = new ArrayList<>();
		paths.fieldNames().forEachRemaining(template -> paths.path(template).fieldNames().forEachRemaining(method -> {
			String path = template.replaceAll("\\{[^}]+}", "x");
			Set<String> allowed = Matrix.allowed(path);
			Map<String, Integer> answers = new java.util.TreeMap<>();
			CALLERS.forEach((caller, credential) -> answers.put(caller,
					request(method.toUpperCase(), path, credential, "{}").statusCode()));
			walked.add(method.toUpperCase() + " " + path + " " + answers);
			if (allowed == null) { // public: signed links and providers' signatures decide, never the credential
				assertThat(Set.copyOf(answers.values())).as(method + " " + path + " " + answers).hasSize(1);
				return;
			}
			CALLERS.keySet().forEach(caller -> {
				int status = answers.get(caller);
				if (allowed.contains(caller)) {
					assertThat(status).as(caller + " " + method + " " + path).isNotIn(401, 403).isLessThan(500);
				}
				else {
					assertThat(status).as(caller + " " + method + " " + path).isEqualTo(caller.equals("nobody") ? 401 : 403);
				}
			});
		}));
		assertThat(walked).as("the walk covered the API").hasSizeGreaterThan(25);
	}

	@Test
	void theShopsTokenOpensNothingOfTheEngine() {
		for (String credential : new String[] { "", INTEGRATOR, basic("anyone", TOKEN), basic("admin", TOKEN) }) {
			assertThat(request("GET", "/engine-rest/process-definition", credential, null).statusCode()).isEqualTo(401);
			assertThat(request("POST", "/engine-rest/user/create", credential, user("mallory")).statusCode()).isEqualTo(401);
		}
		assertThat(request("GET", "/actuator/prometheus", INTEGRATOR, null).statusCode()).isEqualTo(403);
		assertThat(request("GET", "/outbox", INTEGRATOR, null).statusCode()).isEqualTo(403);
	}

	@Test
	void aMarketerReadsAndDeploysFlowsButAdministersNoIdentity() {
		assertThat(request("GET", "/engine-rest/process-definition", MARKETER, null).body()).contains("abandoned-cart");
		assertThat(request("GET", "/engine-rest/history/process-instance?maxResults=1", MARKETER, null).statusCode())
				.isEqualTo(200);
		assertThat(request("POST", "/engine-rest/user/create", MARKETER, user("mallory")).statusCode()).isEqualTo(403);
		assertThat(request("POST", "/engine-rest/group/create", MARKETER, "{\"id\":\"evil\",\"name\":\"x\"}")
				.statusCode()).isEqualTo(403);
		assertThat(request("PUT", "/engine-rest/group/camunda-admin/members/itmarketer", MARKETER, null).statusCode())
				.isEqualTo(403);
		assertThat(request("POST", "/engine-rest/authorization/create", MARKETER, """
				{"type":1,"permissions":["ALL"],"groupId":"shopflow-marketers","resourceType":4,"resourceId":"*"}""")
				.statusCode()).isEqualTo(403);
		assertThat(request("GET", "/actuator/prometheus", MARKETER, null).statusCode()).isEqualTo(403);

		String key = "marketer-flow-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> deployed = deploy(MARKETER, key,
				Models.withTask(key, "Task_Wait", "<bpmn:userTask id=\"Task_Wait\"/>"));
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
	}

	@Test
	void theProbesModelIsRefusedForMarketerAndAdminAlike() {
		Path marker = dir.resolve("pwned");
		for (String deployer : new String[] { MARKETER, OPERATOR }) {
			HttpResponse<String> answer = deploy(deployer, "probe", Models.probe("probe", marker));
			assertThat(answer.statusCode()).isEqualTo(400);
			assertThat(answer.body()).contains("Task_Probe").contains("getClass");
		}
		assertThat(marker).doesNotExist();
		assertThat(Files.exists(marker)).isFalse();
	}

	@Test
	void guessingPasswordsSlowsTheGuesserNotTheAdmin() {
		// one wrong guess from each of 12 addresses: Camunda used to lock the admin for good after 10
		for (int i = 1; i <= 12; i++) {
			assertThat(request("GET", "/api/segments", basic("admin", "guess-" + i), null, "198.51.100." + i)
					.statusCode()).isEqualTo(401);
		}
		// many from one address: that address waits, with Retry-After, and its guesses are not even checked
		HttpResponse<String> last = null;
		for (int i = 0; i < 8; i++) {
			last = request("GET", "/api/segments", basic("admin", "guess"), null, "203.0.113.7");
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.body()).contains("\"status\":429");
		// the admin, from elsewhere, is not locked out
		assertThat(request("GET", "/api/segments", OPERATOR, null).statusCode()).isEqualTo(200);
	}

	@Test
	void theSessionCookieIsHttpOnlySameSiteAndSecureOverHttps() {
		HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/dashboard/login")).GET().build());
		String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		HttpResponse<String> https = send(HttpRequest.newBuilder(uri("/dashboard/login"))
				.header("X-Forwarded-Proto", "https").GET().build());
		assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly");
		assertThat(plain.body()).contains("name=\"_csrf\"");
	}

	/** What Camunda Modeler's deploy sends: the model as a multipart form. */
	private HttpResponse<String> deploy(String credential, String key, String model) {
		String boundary = "----modeler" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + ".bpmn\"; filename=\"" + key
				+ ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create")).header("Authorization", credential)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private static String user(String id) {
		return "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"M\",\"lastName\":\"X\"},"
				+ "\"credentials\":{\"password\":\"pw-" + id + "\"}}";
	}

	private HttpResponse<String> request(String method, String path, String credential, String json) {
		return request(method, path, credential, json, null);
	}

	private HttpResponse<String> request(String method, String path, String credential, String json, String from) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method,
				json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		if (!credential.isEmpty()) {
			builder.header("Authorization", credential);
		}
		if (from != null) {
			builder.header("X-Forwarded-For", from);
		}
		return send(builder.build());
	}
}
