package io.shopflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The RFC 9457 answers the API controllers share. */
public final class Problems {

	private Problems() {
	}

	/** 404 for a resource of the API (a segment, a campaign, a customer) that does not exist. */
	public static ResponseEntity<ProblemDetail> notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}
}
