package io.shopflow;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the decoded text of one MIME type out of a (nested) multipart email. */
public final class Mime {

	private Mime() {
	}

	/** The part's text, with tracked links turned back into the links the template wrote. */
	public static String part(Part message, String mimeType) throws Exception {
		return Links.untracked(raw(message, mimeType));
	}

	/** The part's text as sent. */
	public static String raw(Part message, String mimeType) throws Exception {
		if (message.isMimeType(mimeType)) {
			return message.getContent().toString();
		}
		if (message.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = raw(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
