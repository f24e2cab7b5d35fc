package io.shopflow.campaigns.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.shopflow.campaigns.Campaign;
import io.shopflow.campaigns.CampaignInvalid;
import io.shopflow.campaigns.CampaignProgress;
import io.shopflow.campaigns.Campaigns;

import io.shopflow.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Broadcast campaigns: POST /api/campaigns {"key", "name", "segment", "template", "channels", "sendAt",
 * "localTime", "perMinute"}; GET for progress; POST /{key}/pause and /{key}/resume.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignsController {

	private final Campaigns campaigns;

	CampaignsController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@PostMapping
	ResponseEntity<Campaign> create(@RequestBody Campaign campaign) {
		Campaign created = campaigns.create(campaign);
		return ResponseEntity.created(URI.create("/api/campaigns/" + created.key())).body(created);
	}

	@GetMapping
	List<CampaignProgress> all() {
		return campaigns.keys().stream().map(key -> campaigns.progress(key).orElseThrow()).toList();
	}

	@GetMapping("/{key}")
	ResponseEntity<?> one(@PathVariable String key) {
		return campaigns.progress(key).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> unknown(key));
	}

	@PostMapping("/{key}/pause")
	ResponseEntity<?> pause(@PathVariable String key) {
		return change(key, campaigns.pause(key), "running");
	}

	@PostMapping("/{key}/resume")
	ResponseEntity<?> resume(@PathVariable String key) {
		return change(key, campaigns.resume(key), "paused");
	}

	private ResponseEntity<?> change(String key, boolean changed, String needed) {
		if (changed) {
			return ResponseEntity.ok(campaigns.progress(key).orElseThrow());
		}
		if (campaigns.find(key).isEmpty()) {
			return unknown(key);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The campaign is not " + needed);
		problem.setTitle("Campaign not " + needed);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(CampaignInvalid.class)
	ResponseEntity<ProblemDetail> invalid(CampaignInvalid e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + " " + e.getMessage());
		problem.setTitle("Invalid campaign");
		problem.setType(URI.create("https://shopflow.io/problems/invalid-campaign"));
		problem.setProperty("errors", List.of(Map.of("pointer", "#/" + e.field(), "detail", e.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> unknown(String key) {
		return Problems.notFound("Unknown campaign", "No campaign " + key);
	}
}
