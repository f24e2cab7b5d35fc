package io.shopflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** What the cluster's processes have in common: the JVM to start them with, free ports, the test classpath. */
final class Processes {

	private Processes() {
	}

	/** The java of this JVM, started directly (no shell in between), so a process's pid is the JVM's. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Failsafe runs tests from a manifest-only jar; this property holds the real test classpath. */
	static String testClasspath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
