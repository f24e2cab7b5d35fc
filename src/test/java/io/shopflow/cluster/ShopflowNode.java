package io.shopflow.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Shopflow node: the packaged jar in its own JVM, started without a shell in between, so that
 * {@link #kill()} is a SIGKILL of the JVM itself, with its log in the cluster directory.
 */
final class ShopflowNode implements AutoCloseable {

	private final String name;
	private final Path jar;
	private final Path log;
	private final int port = Processes.freePort();
	private final Map<String, String> environment;
	private final List<String> arguments;
	private Process process;

	ShopflowNode(String name, Path jar, Path dir, Map<String, String> environment, List<String> arguments) {
		this.name = name;
		this.jar = jar;
		this.log = dir.resolve(name + ".log");
		this.environment = environment;
		this.arguments = arguments;
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	Path log() {
		return log;
	}

	ShopflowNode start() throws IOException {
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx512m", "-XX:+UseSerialGC", "-jar",
				jar.toString(), "--server.port=" + port, "--shopflow.node.name=" + name,
				"--spring.kafka.consumer.client-id=" + name));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		process = builder.start();
		return this;
	}

	/** Waits for Spring Boot's "Started" line: the engine is deployed and the Kafka listener is running. */
	ShopflowNode awaitStarted(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
			}
			if (Files.exists(log) && Files.readString(log).contains("Started ShopflowApplication")) {
				return this;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " did not start within " + timeout + ", see " + log);
	}

	/**
	 * kill -9 of the node's JVM: no shutdown hook runs, no Kafka consumer leaves its group, no job is unlocked.
	 *
	 * @return the exit status, 137 (128 + SIGKILL) when the JVM was killed by the signal
	 */
	int kill() throws InterruptedException {
		String command = process.toHandle().info().command().orElse("?");
		if (!command.endsWith("/java")) {
			throw new IllegalStateException(name + " is " + command + ", not a JVM");
		}
		process.destroyForcibly(); // SIGKILL on Unix
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(name + " survived SIGKILL");
		}
		return process.exitValue();
	}

	long pid() {
		return process.pid();
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		if (isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}
}
