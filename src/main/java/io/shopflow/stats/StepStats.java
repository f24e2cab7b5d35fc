package io.shopflow.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One step (and variant) of a flow over a date range. Opened counts people (a click counts as an open, machine
 * opens do not); appleOpens are Apple Mail Privacy Protection fetches, machineOpens scanner and proxy fetches.
 */
public record StepStats(String step, String variant, long entered, long sent, long skipped,
		Map<String, Long> skippedBy, long delivered, long opened, long appleOpens, long machineOpens, long clicked,
		long converted, BigDecimal revenue, Rates rates) {

	public record Rates(double delivered, double opened, double clicked, double clickToOpen, double converted,
			BigDecimal revenuePerDelivered) {

		static Rates of(long sent, long delivered, long opened, long clicked, long converted, BigDecimal revenue) {
			return new Rates(ratio(delivered, sent), ratio(opened, delivered), ratio(clicked, delivered),
					ratio(clicked, opened), ratio(converted, delivered),
					delivered == 0 ? BigDecimal.ZERO : revenue.divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP));
		}

		private static double ratio(long part, long whole) {
			return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
		}
	}
}
