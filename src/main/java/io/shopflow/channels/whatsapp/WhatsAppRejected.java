package io.shopflow.channels.whatsapp;

/** Twilio answered 4xx (not a WhatsApp number, template not approved): the message can never go out as it is. */
class WhatsAppRejected extends RuntimeException {

	WhatsAppRejected(String message) {
		super(message);
	}
}
