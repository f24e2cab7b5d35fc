package io.shopflow.flows.web;

import java.util.Map;

import io.shopflow.flows.FlowMigrations;
import io.shopflow.web.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/flows/{key}/migrate: {"dryRun": true} by default, so a plain call only reports; {"dryRun": false,
 * "mapping": {"Old_Id": "New_Id"}} migrates.
 */
@RestController
class FlowMigrationController {

	record Request(Boolean dryRun, Map<String, String> mapping) {
	}

	private final FlowMigrations migrations;

	FlowMigrationController(FlowMigrations migrations) {
		this.migrations = migrations;
	}

	@PostMapping("/api/flows/{key}/migrate")
	ResponseEntity<?> migrate(@PathVariable String key, @RequestBody(required = false) Request request) {
		boolean dryRun = request == null || request.dryRun() == null || request.dryRun();
		Map<String, String> mapping = request == null || request.mapping() == null ? Map.of() : request.mapping();
		return migrations.migrate(key, mapping, dryRun).<ResponseEntity<?>>map(ResponseEntity::ok)
				.orElseGet(() -> Problems.notFound("Unknown flow", "No flow is deployed as " + key));
	}
}
