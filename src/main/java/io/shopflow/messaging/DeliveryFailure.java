package io.shopflow.messaging;

import java.net.SocketTimeoutException;
import java.util.Locale;

/** What a channel's failed delivery means for the send: the channel classifies, messaging acts on it. */
public enum DeliveryFailure {

	/** The provider refused this message for good (bad recipient): recorded as skipped, never retried. */
	RECIPIENT_REJECTED,

	/** The provider may have taken the message and then went silent: an incident, never a second send. */
	MAY_HAVE_GONE_OUT,

	/** Nothing went out (provider down, connection refused): recorded as failed, and the job retries. */
	NOT_SENT;

	/**
	 * For a call to an HTTP provider: a read timeout (not a connect timeout) means the request went out and the
	 * answer never came; anything else, nothing went out.
	 */
	public static DeliveryFailure ofHttpCall(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException timeout
					&& (timeout.getMessage() == null || !timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect"))) {
				return MAY_HAVE_GONE_OUT;
			}
		}
		return NOT_SENT;
	}
}
