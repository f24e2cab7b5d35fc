package io.shopflow.segments.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.shopflow.segments.AudienceExport;
import io.shopflow.segments.Segment;
import io.shopflow.segments.SegmentInvalid;
import io.shopflow.segments.Segments;

import org.springframework.http.HttpHeaders;
import io.shopflow.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Segments as data: PUT /api/segments/{key} {"name": .., "condition": {..}} stores a new version; preview
 * counts and samples members; export streams them as CSV, or hashed for ad platforms' custom audiences.
 */
@RestController
@RequestMapping("/api/segments")
class SegmentsController {

	record Definition(String name, JsonNode condition) {
	}

	private final Segments segments;
	private final AudienceExport export;

	SegmentsController(Segments segments, AudienceExport export) {
		this.segments = segments;
		this.export = export;
	}

	@PutMapping("/{key}")
	Segment save(@PathVariable String key, @RequestBody Definition definition) {
		if (definition.condition() == null) {
			throw new SegmentInvalid("/condition", "is required");
		}
		return segments.save(key, definition.name() == null ? key : definition.name(), definition.condition());
	}

	@GetMapping
	List<Segment> all() {
		return segments.all();
	}

	@GetMapping("/{key}")
	ResponseEntity<?> one(@PathVariable String key) {
		return segments.find(key).<ResponseEntity<?>>map(segment -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("segment", segment);
			body.put("versions", segments.versions(key));
			return ResponseEntity.ok(body);
		}).orElseGet(() -> unknown(key));
	}

	@GetMapping("/{key}/preview")
	ResponseEntity<?> preview(@PathVariable String key, @RequestParam(defaultValue = "20") int sample) {
		return segments.find(key).<ResponseEntity<?>>map(segment -> ResponseEntity.ok(segments.preview(
				segment.condition(), Math.min(sample, 1000)))).orElseGet(() -> unknown(key));
	}

	/** A definition not stored yet, to try it out. */
	@PostMapping("/preview")
	Segments.Preview previewDraft(@RequestBody Definition definition, @RequestParam(defaultValue = "20") int sample) {
		if (definition.condition() == null) {
			throw new SegmentInvalid("/condition", "is required");
		}
		return segments.preview(definition.condition(), Math.min(sample, 1000));
	}

	/** format=csv (id, email, phone, names, locale) or hashed (SHA-256 of normalised email and E.164 phone). */
	@GetMapping("/{key}/export")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String key,
			@RequestParam(defaultValue = "csv") String format) {
		if (!format.equals("csv") && !format.equals("hashed")) {
			throw new SegmentInvalid("?format", "format must be csv or hashed");
		}
		var segment = segments.find(key);
		if (segment.isEmpty()) {
			throw new SegmentNotFound(key);
		}
		StreamingResponseBody body = out -> {
			BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			try {
				export.write(segment.get().condition(), format.equals("hashed"), line -> {
					try {
						writer.write(line);
						writer.write('\n');
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			}
			finally {
				writer.flush();
			}
		};
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-" + format + ".csv\"")
				.body(body);
	}

	@ExceptionHandler(SegmentNotFound.class)
	ResponseEntity<ProblemDetail> notFound(SegmentNotFound e) {
		return unknown(e.getMessage());
	}

	/** A segment key that names no stored segment. */
	static class SegmentNotFound extends RuntimeException {

		SegmentNotFound(String key) {
			super(key);
		}
	}

	@ExceptionHandler(SegmentInvalid.class)
	ResponseEntity<ProblemDetail> invalid(SegmentInvalid e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid segment definition");
		problem.setType(URI.create("https://shopflow.io/problems/invalid-segment"));
		problem.setProperty("errors", List.of(Map.of("pointer", "#" + e.pointer(), "detail", e.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> unknown(String key) {
		return Problems.notFound("Unknown segment", "No segment " + key);
	}
}
