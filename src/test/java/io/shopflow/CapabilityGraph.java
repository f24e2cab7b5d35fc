package io.shopflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.JavaSources.JavaSource;

/**
 * Which capability uses which, as the sources say: import lines (static and on-demand ones too) and fully
 * qualified names in the code. A capability is a top-level package under io.shopflow, each channels.name its
 * own; adapters (events.web, customers.web) belong to their capability. The root package is none.
 */
final class CapabilityGraph {

	private static final String BASE = "io.shopflow.";
	private static final Pattern IMPORT = Pattern
			.compile("(?m)^\\s*import\\s+(?:static\\s+)?io\\.shopflow\\.([\\w.]+?)(?:\\.\\*)?\\s*;");
	private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.shopflow\\.((?:[a-z]\\w*\\.)+)[A-Z]");

	/** capability → capability it uses → the files that make it use it */
	private final Map<String, Map<String, Set<Path>>> edges = new TreeMap<>();

	static CapabilityGraph of(JavaSources sources) {
		CapabilityGraph graph = new CapabilityGraph();
		for (JavaSource source : sources.files()) {
			String from = capabilityOf(source.packageName());
			if (from == null) {
				continue;
			}
			Matcher imports = IMPORT.matcher(source.code());
			while (imports.find()) {
				graph.add(from, capabilityOf(BASE + packageOf(imports.group(1))), source.path());
			}
			Matcher qualified = QUALIFIED.matcher(source.code());
			while (qualified.find()) {
				graph.add(from, capabilityOf(BASE + qualified.group(1).replaceAll("\\.$", "")), source.path());
			}
		}
		return graph;
	}

	/** "io.shopflow.channels.push.web" is channels.push, "io.shopflow.events.kafka" is events. */
	static String capabilityOf(String packageName) {
		if (!packageName.startsWith(BASE)) {
			return null;
		}
		String[] parts = packageName.substring(BASE.length()).split("\\.");
		return parts[0].equals("channels") && parts.length > 1 ? "channels." + parts[1] : parts[0];
	}

	/** The leading lower-case names of an imported type or member: events.ShopEvent.Item is events. */
	private static String packageOf(String imported) {
		List<String> names = new ArrayList<>();
		for (String name : imported.split("\\.")) {
			if (!Character.isLowerCase(name.charAt(0))) {
				break;
			}
			names.add(name);
		}
		return String.join(".", names);
	}

	private void add(String from, String to, Path file) {
		if (to != null && !to.equals(from)) {
			edges.computeIfAbsent(from, f -> new TreeMap<>()).computeIfAbsent(to, t -> new TreeSet<>()).add(file);
		}
	}

	Set<String> uses(String capability) {
		return edges.getOrDefault(capability, Map.of()).keySet();
	}

	Set<Path> filesWhere(String from, String to) {
		return edges.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
	}

	/** A cycle, as the capabilities along it with the first one repeated at the end, if there is one. */
	Optional<List<String>> cycle() {
		Set<String> done = new TreeSet<>();
		for (String start : edges.keySet()) {
			List<String> path = new ArrayList<>();
			Optional<List<String>> cycle = cycleFrom(start, path, done);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		return Optional.empty();
	}

	private Optional<List<String>> cycleFrom(String capability, List<String> path, Set<String> done) {
		int seen = path.indexOf(capability);
		if (seen >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
			cycle.add(capability);
			return Optional.of(cycle);
		}
		if (done.contains(capability)) {
			return Optional.empty();
		}
		path.add(capability);
		for (String next : uses(capability)) {
			Optional<List<String>> cycle = cycleFrom(next, path, done);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		done.add(capability);
		return Optional.empty();
	}

	/** The cycle with the files behind each step, for a failure message a newcomer can act on. */
	String describe(List<String> cycle) {
		StringBuilder text = new StringBuilder(String.join(" -> ", cycle));
		for (int i = 0; i + 1 < cycle.size(); i++) {
			text.append("\n  ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
					.append(filesWhere(cycle.get(i), cycle.get(i + 1)));
		}
		return text.toString();
	}
}
