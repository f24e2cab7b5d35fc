package io.shopflow.segments;

/** A segment definition that cannot be compiled; pointer is the JSON pointer of the bad part. */
public class SegmentInvalid extends RuntimeException {

	private final String pointer;

	public SegmentInvalid(String pointer, String message) {
		super(message);
		this.pointer = pointer;
	}

	public String pointer() {
		return pointer;
	}
}
