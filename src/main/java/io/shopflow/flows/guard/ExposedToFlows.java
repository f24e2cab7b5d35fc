package io.shopflow.flows.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose public methods flow expressions may call, e.g. ${purchases.firstOrder(execution)}.
 * Delegates and flow settings records are exposed without it; every other bean stays out of reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExposedToFlows {
}
