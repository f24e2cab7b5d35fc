package io.shopflow.privacy.web;

import java.util.Map;

import io.shopflow.privacy.CustomerData;
import io.shopflow.privacy.Erasure;
import io.shopflow.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data subject's rights: a copy of their data (art. 15, 20) and its erasure (art. 17). API token only.
 * Each by path (/api/customers/{id}/export) or by query parameter (/api/customers/export?id=): ids are the shop's
 * and may hold any character, and the firewall rejects an encoded /, %, ; or \ in a path, never in a query.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerPrivacyController {

	private final CustomerData data;
	private final Erasure erasure;

	CustomerPrivacyController(CustomerData data, Erasure erasure) {
		this.data = data;
		this.erasure = erasure;
	}

	@GetMapping("/{id}/export")
	ResponseEntity<?> export(@PathVariable String id) {
		return data.export(id).<ResponseEntity<?>>map(export -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-data.json\"").body(export))
				.orElseGet(() -> unknown(id));
	}

	@GetMapping("/export")
	ResponseEntity<?> exportById(@RequestParam String id) {
		return export(id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> erase(@PathVariable String id) {
		return erasure.erase(id).<ResponseEntity<?>>map(erased -> ResponseEntity.ok(Map.of("erased", erased)))
				.orElseGet(() -> unknown(id));
	}

	@DeleteMapping
	ResponseEntity<?> eraseById(@RequestParam String id) {
		return erase(id);
	}

	private static ResponseEntity<ProblemDetail> unknown(String id) {
		return Problems.notFound("Unknown customer", "Shopflow holds no customer " + id + " (or it was erased already).");
	}
}
