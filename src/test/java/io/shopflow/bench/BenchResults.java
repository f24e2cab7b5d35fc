package io.shopflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code target/bench/results.json}, shared by the benchmarks of one {@code mvn -Pbench verify}: each adds
 * its own section, so one file holds the whole run, next to the machine it ran on.
 */
final class BenchResults {

	static final Path OUTPUT = Path.of(System.getProperty("bench.output", "target/bench"));

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private BenchResults() {
	}

	static synchronized void put(String section, Map<String, Object> figures) throws IOException {
		Path file = OUTPUT.resolve("results.json");
		Map<String, Object> results = Files.exists(file)
				? JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
				})
				: new LinkedHashMap<>();
		results.put("cpus", Runtime.getRuntime().availableProcessors());
		results.put("java", System.getProperty("java.version"));
		results.put("database", "PostgreSQL (embedded, zonky)");
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("timestamp", Instant.now().toString());
		entry.putAll(figures);
		results.put(section, entry);
		Files.createDirectories(OUTPUT);
		JSON.writeValue(file.toFile(), results);
	}

	static double heapUsedAfterGcMb() {
		System.gc();
		return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
	}
}
