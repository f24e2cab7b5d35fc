package io.shopflow.messaging;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("shopflow.messaging")
record MessagingSettings(FrequencyCap frequencyCap) {

	/** At most maxMessages marketing messages per customer and channel within window. */
	record FrequencyCap(int maxMessages, Duration window, Set<String> exemptFlows) {
	}
}
