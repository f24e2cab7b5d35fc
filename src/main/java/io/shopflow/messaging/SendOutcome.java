package io.shopflow.messaging;

/** What became of a send request. A skip carries its reason, e.g. "no-consent" or "capped". */
public record SendOutcome(Status status, String reason) {

	public enum Status {
		SENT, SKIPPED
	}

	static SendOutcome sent() {
		return new SendOutcome(Status.SENT, null);
	}

	static SendOutcome skipped(String reason) {
		return new SendOutcome(Status.SKIPPED, reason);
	}
}
