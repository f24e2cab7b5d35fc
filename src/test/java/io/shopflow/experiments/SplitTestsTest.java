package io.shopflow.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Variant assignment: stable, by weight; and the two-proportion z-test against known values. */
class SplitTestsTest {

	@Test
	void aCustomerKeepsTheirVariant() {
		Map<String, Integer> weights = SplitTests.weights("a:50,b:50");
		assertThat(IntStream.range(0, 10).mapToObj(i -> SplitTests.bucket("welcome-coupon", "c-42", weights)).distinct())
				.hasSize(1);
		assertThat(SplitTests.bucket("other-test", "c-1", weights)).isIn("a", "b");
	}

	@Test
	void twoThousandCustomersSplitWithinThreePercentOfTheWeights() {
		for (String spec : new String[] { "a:50,b:50", "a:80,b:20", "control:30,challenger:70" }) {
			Map<String, Integer> weights = SplitTests.weights(spec);
			String first = weights.keySet().iterator().next();
			long inFirst = IntStream.range(0, 2000).mapToObj(i -> SplitTests.bucket("t-" + spec, "customer-" + i, weights))
					.filter(first::equals).count();
			assertThat(inFirst / 2000.0).as(spec).isCloseTo(weights.get(first) / 100.0, within(0.03));
		}
	}

	@Test
	void aZeroWeightGetsNobody() {
		Map<String, Integer> weights = SplitTests.weights("a:100,b:0");
		assertThat(IntStream.range(0, 500).mapToObj(i -> SplitTests.bucket("t", "c" + i, weights))).containsOnly("a");
	}

	@Test
	void theZTestMatchesKnownValues() {
		// 20% of 1000 against 25% of 1000: z = -2.6774, p = 0.00742 (two-sided)
		ZTest test = ZTest.of(200, 1000, 250, 1000);
		assertThat(test.z()).isCloseTo(-2.6774, within(0.0005));
		assertThat(test.pValue()).isCloseTo(0.00742, within(0.00005));
		// 10.0% of 500 against 10.6% of 500: no evidence, p = 0.7550
		assertThat(ZTest.of(50, 500, 53, 500).pValue()).isCloseTo(0.7550, within(0.0005));
		assertThat(ZTest.of(0, 0, 5, 10).pValue()).isEqualTo(1.0);
		assertThat(ZTest.normal(1.959964)).isCloseTo(0.975, within(0.000001));
	}
}
