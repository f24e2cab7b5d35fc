package io.shopflow.flows.guard;

/** A flow expression tried to reach something outside what flows may use (see docs/security.md). */
public class ExpressionNotAllowed extends RuntimeException {

	ExpressionNotAllowed(String what) {
		super("Flow expressions may use variables, literals, operators and Shopflow's exposed beans only; this one "
				+ what);
	}
}
