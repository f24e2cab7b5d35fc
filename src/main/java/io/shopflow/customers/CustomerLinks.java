package io.shopflow.customers;

/**
 * The purposes of the signed links to a customer's own pages, /unsubscribe and /preferences (customers.web).
 * They live with the pages, not with messaging, which puts the links into every marketing message: messaging
 * depends on customers, so customers must not depend on messaging. javac inlines these constants, so only the
 * source shows such a dependency (SourceRulesTest watches it).
 */
public final class CustomerLinks {

	public static final String UNSUBSCRIBE = "unsubscribe";
	public static final String PREFERENCES = "preferences";

	private CustomerLinks() {
	}
}
