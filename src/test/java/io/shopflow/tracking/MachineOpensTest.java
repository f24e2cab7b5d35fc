package io.shopflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Machine fetches are flagged; people are not. */
class MachineOpensTest {

	static final Instant SENT = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void withinTwoSecondsOfSendingIsAPrefetch() {
		assertThat(MachineOpens.flag(open("Mozilla/5.0 (Windows NT 10.0)", "10.0.0.1", 1500), SENT)).isEqualTo("prefetch");
		assertThat(MachineOpens.flag(click("Mozilla/5.0 (Windows NT 10.0)", 1999), SENT)).isEqualTo("prefetch");
		assertThat(MachineOpens.flag(click("Mozilla/5.0 (Windows NT 10.0)", 2000), SENT)).isNull();
	}

	@Test
	void imageProxiesAndApplePrivacyProtectionAreFlagged() {
		assertThat(MachineOpens.flag(open("Mozilla/5.0 (via ggpht.com GoogleImageProxy)", "66.249.1.1", 60_000), SENT))
				.isEqualTo("image-proxy");
		assertThat(MachineOpens.flag(open("Mozilla/5.0", "17.58.101.4", 60_000), SENT)).isEqualTo("apple-mpp");
		assertThat(MachineOpens.flag(open("Mozilla/5.0 (iPhone) Mobile/15E148", "85.1.2.3", 60_000), SENT)).isNull();
	}

	private static TrackingEvent open(String agent, String ip, long afterMillis) {
		return new TrackingEvent(1, TrackedLinks.OPEN, null, agent, ip, SENT.plusMillis(afterMillis));
	}

	private static TrackingEvent click(String agent, long afterMillis) {
		return new TrackingEvent(1, TrackedLinks.CLICK, "https://shop.example.com/", agent, "10.0.0.1",
				SENT.plusMillis(afterMillis));
	}
}
