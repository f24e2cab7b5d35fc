package io.shopflow;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the decoded text of one MIME type out of a (nested) multipart email. */
public final class Mime {

	private Mime() {
	}

	/** The part's text, with tracked links turned back into the links the template wrote. */
	public static String part(Part message, String mimeType) throws Exception {
		if (message.isMimeType(mimeType)) {
			return Links.untracked(message.getContent().toString());
		}
		if (message.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
