package io.shopflow.channels.email;

import jakarta.mail.util.StreamProvider;

/**
 * Names Angus Mail's {@link StreamProvider}, unless the JVM was given one. Jakarta Mail 2.1 looks the provider up
 * again for every body part, multipart and encoded header (jakartaee/mail-api#699 and #861), and without the
 * property each look-up searches every jar on the class path for a service file: 56% of a send's CPU on the job
 * threads in SendBench's profile. Angus is the only provider on the class path, so the answer is the same, only
 * found at once.
 */
final class KnownStreamProvider {

	static final String PROPERTY = StreamProvider.class.getName();
	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private KnownStreamProvider() {
	}

	static void name() {
		if (System.getProperty(PROPERTY) != null) {
			return;
		}
		try {
			Class.forName(ANGUS, false, KnownStreamProvider.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			// another mail implementation: leave the look-up to it
			return;
		}
		System.setProperty(PROPERTY, ANGUS);
	}
}
