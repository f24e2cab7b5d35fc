package io.shopflow.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells machine fetches from people. Mail security scanners fetch images and follow links right after
 * delivery; image proxies (Gmail's, Yahoo's) fetch on behalf of someone; Apple Mail Privacy Protection fetches
 * every image of every message from Apple's network (17.0.0.0/8) whether or not it is read.
 */
final class MachineOpens {

	static final Duration PREFETCH_WINDOW = Duration.ofSeconds(2);

	private MachineOpens() {
	}

	/** @return prefetch, image-proxy, apple-mpp, or null for a person */
	static String flag(TrackingEvent event, Instant sentAt) {
		String agent = event.userAgent() == null ? "" : event.userAgent();
		if (sentAt != null && event.at().isBefore(sentAt.plus(PREFETCH_WINDOW))) {
			return "prefetch";
		}
		if (agent.contains("GoogleImageProxy") || agent.contains("YahooMailProxy") || agent.contains("ggpht.com")) {
			return "image-proxy";
		}
		if (TrackedLinks.OPEN.equals(event.kind())
				&& ((event.ip() != null && event.ip().startsWith("17.")) || agent.equals("Mozilla/5.0"))) {
			return "apple-mpp";
		}
		return null;
	}
}
