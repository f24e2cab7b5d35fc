package io.shopflow.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker in its own JVM, KRaft mode, one combined broker and controller node: the same server
 * classes spring-kafka-test runs in-process (kafka_2.13 from Maven Central), started as `kafka.Kafka` after
 * `kafka-storage format`, as an operator would run the Kafka distribution.
 */
final class KafkaProcess implements AutoCloseable {

	private final Path dir;
	private final int port = Processes.freePort();
	private final int controllerPort = Processes.freePort();
	private Process process;

	KafkaProcess(Path dir) {
		this.dir = dir;
	}

	String bootstrapServers() {
		return "localhost:" + port;
	}

	KafkaProcess start() throws IOException, InterruptedException {
		Files.createDirectories(dir);
		Path data = dir.resolve("data");
		Path properties = dir.resolve("server.properties");
		Files.writeString(properties, String.join("\n",
				"process.roles=broker,controller",
				"node.id=1",
				"controller.quorum.voters=1@localhost:" + controllerPort,
				"listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
				"advertised.listeners=PLAINTEXT://localhost:" + port,
				"controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT",
				"log.dirs=" + data,
				"offsets.topic.replication.factor=1",
				"offsets.topic.num.partitions=4",
				"transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1",
				"group.initial.rebalance.delay.ms=0",
				"") + "\n");
		// the test classpath has logback without a configuration, which would log Kafka at DEBUG
		Path logback = dir.resolve("logback.xml");
		Files.writeString(logback, """
				<configuration>
				  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
				  </appender>
				  <root level="INFO"><appender-ref ref="out"/></root>
				</configuration>
				""");
		List<String> java = List.of(Processes.java(), "-Xmx384m", "-Dlogback.configurationFile=" + logback, "-cp",
				Processes.testClasspath());
		Process format = new ProcessBuilder(concat(java, "kafka.tools.StorageTool", "format", "-t",
				Uuid.randomUuid().toString(), "-c", properties.toString()))
				.redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
		if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException("kafka-storage format failed, see " + dir.resolve("format.log"));
		}
		process = new ProcessBuilder(concat(java, "kafka.Kafka", properties.toString()))
				.redirectErrorStream(true).redirectOutput(dir.resolve("kafka.log").toFile()).start();
		awaitUp(Duration.ofMinutes(2));
		return this;
	}

	AdminClient admin() {
		return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	private void awaitUp(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + dir);
			}
			try (AdminClient admin = admin()) {
				admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
				return;
			}
			catch (Exception notYet) {
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("Kafka did not start within " + timeout + ", see " + dir);
	}

	private static List<String> concat(List<String> head, String... tail) {
		return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
	}

	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}
}
