package io.shopflow.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads tracking links back: only a genuine token counts, and only it can redirect. The link of a customer erased
 * since is {@link CustomerErased}: their device's address and user agent are personal data.
 */
@Service
public class Tracking {

	private final LinkSigner signer;
	private final TrackingRecorder recorder;
	private final ErasedCustomers erased;
	private final JdbcClient jdbc;
	private final Clock clock;

	Tracking(LinkSigner signer, TrackingRecorder recorder, ErasedCustomers erased, JdbcClient jdbc, Clock clock) {
		this.signer = signer;
		this.recorder = recorder;
		this.erased = erased;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return whether the token was genuine (and the open recorded); CustomerErased when its customer was erased */
	public boolean opened(String token, String userAgent, String ip) {
		Optional<Long> sendId = signer.verify(TrackedLinks.OPEN, token).flatMap(Tracking::number);
		sendId.ifPresent(this::refuseErased);
		sendId.ifPresent(id -> recorder.record(new TrackingEvent(id, TrackedLinks.OPEN, null, userAgent, ip,
				Instant.now(clock))));
		return sendId.isPresent();
	}

	/** @return where to send the browser, for a genuine token only */
	public Optional<String> clicked(String token, String userAgent, String ip) {
		return signer.verify(TrackedLinks.CLICK, token).flatMap(payload -> {
			int newline = payload.indexOf('\n');
			Optional<Long> sendId = newline < 0 ? Optional.empty() : number(payload.substring(0, newline));
			return sendId.map(id -> click(id, payload.substring(newline + 1), userAgent, ip));
		});
	}

	public Optional<String> shortLinkClicked(String code, String userAgent, String ip) {
		return jdbc.sql("select send_id, target from short_links where code = ?").param(code)
				.query((rs, n) -> click(rs.getLong(1), rs.getString(2), userAgent, ip))
				.optional();
	}

	private String click(long sendId, String target, String userAgent, String ip) {
		refuseErased(sendId);
		recorder.record(new TrackingEvent(sendId, TrackedLinks.CLICK, target, userAgent, ip, Instant.now(clock)));
		return target;
	}

	private void refuseErased(long sendId) {
		if (erased.sendErased(sendId)) {
			throw new CustomerErased();
		}
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
