package io.shopflow.messaging;

/**
 * An attempt of this send was cut off between handing the message to the channel and recording the result
 * (a crash, or an HTTP provider that timed out after receiving the request). Sending again could send twice,
 * so an operator decides: see the runbook in docs/operations.md.
 */
public class DeliveryStateUnknown extends RuntimeException {

	DeliveryStateUnknown(String sendKey) {
		super("Send " + sendKey + " was interrupted mid-delivery; it may have gone out. Not sending it again. "
				+ "Check the provider's log (SMTP server, Twilio console, ...), then set send_log.status to SENT "
				+ "or FAILED and retry the job.");
	}
}
