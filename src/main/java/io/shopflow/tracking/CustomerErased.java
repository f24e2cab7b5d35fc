package io.shopflow.tracking;

/** A link of a customer who has been erased since: it answers 410 Gone and records nothing. */
public class CustomerErased extends RuntimeException {

	public CustomerErased() {
		super("The customer of this link has been erased", null, false, false);
	}
}
