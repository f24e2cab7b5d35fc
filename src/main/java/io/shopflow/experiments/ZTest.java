package io.shopflow.experiments;

/**
 * Two-proportion z-test on conversion: is variant 1's rate c1/n1 different from variant 2's c2/n2?
 * The p-value is two-sided, from the normal distribution (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
 */
public record ZTest(double z, double pValue) {

	public static ZTest of(long conversions1, long customers1, long conversions2, long customers2) {
		if (customers1 == 0 || customers2 == 0) {
			return new ZTest(0, 1);
		}
		double p1 = (double) conversions1 / customers1;
		double p2 = (double) conversions2 / customers2;
		double pooled = (double) (conversions1 + conversions2) / (customers1 + customers2);
		double error = Math.sqrt(pooled * (1 - pooled) * (1.0 / customers1 + 1.0 / customers2));
		if (error == 0) {
			return new ZTest(0, 1);
		}
		double z = (p1 - p2) / error;
		return new ZTest(z, 2 * (1 - normal(Math.abs(z))));
	}

	/** Standard normal cumulative distribution. */
	static double normal(double x) {
		return 0.5 * (1 + erf(x / Math.sqrt(2)));
	}

	private static double erf(double x) {
		double t = 1 / (1 + 0.3275911 * Math.abs(x));
		double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
				* Math.exp(-x * x);
		return x >= 0 ? y : -y;
	}
}
