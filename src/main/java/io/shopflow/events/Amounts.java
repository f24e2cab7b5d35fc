package io.shopflow.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money (a total, a price) as their numeric(19, 4) columns hold them: up to 15 digits before the point;
 * more than 4 after it are rounded as the database would, so a tiny 1e-999999999 never reaches a template.
 */
final class Amounts {

	static final String RULE = "must be an amount from 0 to 999999999999999.9999";

	private static final BigDecimal LIMIT = new BigDecimal("1E15");
	private static final BigDecimal ROUNDS_TO_ZERO = new BigDecimal("0.00005");
	private static final int SCALE = 4;

	private Amounts() {
	}

	/** @return the value as its column keeps it; null when it is out of range */
	static BigDecimal asStored(BigDecimal value) {
		// compareTo is cheap even for 1e999999999; setScale is not, so it only sees values in range
		if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
			return null;
		}
		if (value.scale() < 0) {
			return value.setScale(0); // 1e3 is 1000, not 1E+3 in an email
		}
		if (value.scale() <= SCALE) {
			return value;
		}
		BigDecimal rounded = value.compareTo(ROUNDS_TO_ZERO) < 0 ? BigDecimal.ZERO.setScale(SCALE)
				: value.setScale(SCALE, RoundingMode.HALF_UP);
		return rounded.compareTo(LIMIT) >= 0 ? null : rounded;
	}
}
