package io.shopflow.channels.sms;

/** A text message to an E.164 number. */
public record Sms(String to, String text) {
}
