package io.shopflow.tracking;

import java.time.Instant;

/** An open or a click as it came in; its flag is decided when it is written. */
record TrackingEvent(long sendId, String kind, String target, String userAgent, String ip, Instant at) {
}
