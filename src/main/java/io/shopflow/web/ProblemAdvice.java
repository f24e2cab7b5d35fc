package io.shopflow.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.cloudevents.rw.CloudEventRWException;

import io.shopflow.events.EventRejected;
import io.shopflow.events.EventsNotProcessed;
import io.shopflow.events.EventsNotStorable;
import io.shopflow.support.DatabaseUnavailable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem. Field errors are listed under "errors", each with a JSON pointer
 * into the request body, the shape RFC 9457 §3 uses in its own example.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(EventRejected.class)
	ResponseEntity<ProblemDetail> rejected(EventRejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + e.violations().size() + " invalid field(s); nothing of it was processed.");
		problem.setTitle("Invalid shop event");
		problem.setType(URI.create("https://shopflow.io/problems/invalid-event"));
		problem.setProperty("errors", e.violations().stream()
				.map(v -> Map.of("pointer", "#" + v.pointer(), "detail", v.detail()))
				.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(CloudEventRWException.class)
	ResponseEntity<ProblemDetail> unreadable(CloudEventRWException e) {
		return rejected(new EventRejected(List.of(new io.shopflow.events.Violation("", e.getMessage()))));
	}

	@ExceptionHandler(EventsNotProcessed.class)
	ResponseEntity<ProblemDetail> notProcessed(EventsNotProcessed e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Some events could not be processed. Send the same request again: events already processed are skipped.");
		problem.setTitle("Events not processed");
		problem.setType(URI.create("https://shopflow.io/problems/events-not-processed"));
		problem.setProperty("failedIds", e.ids());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
	}

	/** Values the database refuses every time (out of range, too long, a constraint): no Retry-After. */
	@ExceptionHandler(EventsNotStorable.class)
	ResponseEntity<ProblemDetail> notStorable(EventsNotStorable e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"The database cannot store values of some events (a number out of range, a text too long, or a conflict "
						+ "with data kept). Sending them again fails the same way; events not listed were processed.");
		problem.setTitle("Events not storable");
		problem.setType(URI.create("https://shopflow.io/problems/events-not-storable"));
		problem.setProperty("failedIds", e.ids());
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	/**
	 * PostgreSQL down or restarting: nothing is wrong with the request, and nothing of it was kept. A 503 with
	 * Retry-After is what shops' webhook senders and HTTP clients retry on; the dedup on event ids makes the retry
	 * safe.
	 */
	@ExceptionHandler({ DatabaseUnavailable.class, DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database cannot be reached. Send the same request again later: events already processed are skipped.");
		problem.setTitle("Database unavailable");
		problem.setType(URI.create("https://shopflow.io/problems/database-unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	/**
	 * A multipart body the servlet container could not split (no boundary, cut off). No endpoint takes multipart,
	 * so it is the wrong media type, as a well-formed one is; too large a part stays the base class's 413.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Multipart bodies are not accepted; send JSON (application/json, application/cloudevents+json or "
						+ "application/cloudevents-batch+json).");
		problem.setTitle("Unsupported Media Type");
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
	}

	/** A body cut off by {@link BodySizeLimit} is too large, not malformed. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
			org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof BodySizeLimit.BodyTooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
						"The body is larger than shopflow.api.max-body-size; send smaller batches.");
				problem.setTitle("Body too large");
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
			}
		}
		return super.handleHttpMessageNotReadable(e, headers, status, request);
	}
}
