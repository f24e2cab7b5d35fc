package io.shopflow.messaging;

/**
 * An earlier attempt of this send was cut off between handing the message to the channel and recording the
 * result (a crash). Sending again could send twice, so an operator decides: see the README's runbook.
 */
public class DeliveryStateUnknown extends RuntimeException {

	DeliveryStateUnknown(String sendKey) {
		super("Send " + sendKey + " was interrupted mid-delivery; it may have gone out. Not sending it again. "
				+ "Check the recipient's mailbox or the SMTP log, then set send_log.status to SENT or FAILED and retry.");
	}
}
