package io.shopflow.flows;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** speedup divides every timer duration of every flow: 3600 makes an hour pass in a second. */
@ConfigurationProperties("shopflow.timers")
record TimerSettings(Double speedup) {

	double factor() {
		return speedup == null || speedup <= 0 ? 1 : speedup;
	}
}
