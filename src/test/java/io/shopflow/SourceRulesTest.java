package io.shopflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.JavaSources.JavaSource;

import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md that only the source shows (ArchitectureTest checks the bytecode):
 * capabilities use each other one way only, and only flows names the engine's tables.
 */
class SourceRulesTest {

	/** An engine table (ACT_RU_JOB, act_hi_procinst, ...) named in code or SQL; comments may explain them. */
	private static final Pattern ENGINE_TABLE = Pattern.compile("(?i)(?<![\\w$])act_\\w*");

	@Test
	void capabilitiesUseEachOtherWithoutCycles() {
		CapabilityGraph graph = CapabilityGraph.of(JavaSources.main());

		assertThat(graph.uses("messaging")).as("a sanity check: the graph sees imports").contains("customers");
		assertThat(graph.cycle().map(graph::describe)).as("a cycle of capabilities in src/main/java").isEmpty();
	}

	@Test
	void aCycleThroughAnInlinedConstantIsSeen() {
		CapabilityGraph graph = CapabilityGraph.of(new JavaSources(List.of(
				source("io/shopflow/customers/web/Page.java", """
						package io.shopflow.customers.web;
						import io.shopflow.messaging.Messaging;
						class Page { String purpose = Messaging.PURPOSE; }"""),
				source("io/shopflow/messaging/Messaging.java", """
						package io.shopflow.messaging;
						import static io.shopflow.customers.Channel.EMAIL;
						public class Messaging { public static final String PURPOSE = "p"; }"""),
				source("io/shopflow/channels/push/Push.java", """
						package io.shopflow.channels.push;
						// io.shopflow.channels.sms.Sms in a comment is no dependency
						class Push { io.shopflow.events.ShopEvent event; }"""))));

		assertThat(graph.cycle()).contains(List.of("customers", "messaging", "customers"));
		assertThat(graph.uses("channels.push")).containsExactly("events");
	}

	@Test
	void onlyFlowsNamesTheEngineTables() {
		List<String> found = new ArrayList<>();
		for (JavaSource source : JavaSources.main().files()) {
			if (!source.packageName().equals("io.shopflow.flows") && !source.packageName().startsWith("io.shopflow.flows.")) {
				found.addAll(engineTables(source));
			}
		}
		assertThat(found).as("engine tables named outside io.shopflow.flows (read them through a port of flows)")
				.isEmpty();
	}

	@Test
	void anEngineTableInAnyCaseIsSeenAndACommentIsNot() {
		assertThat(engineTables(source("io/shopflow/stats/Stats.java", """
				package io.shopflow.stats;
				// not ACT_RU_JOB: a comment may name the engine's tables
				class Stats {
					String contact_email = "contact_email";
					String sql = \"""
							select count(*) from ACT_HI_PROCINST p\""";
				}"""))).containsExactly("io/shopflow/stats/Stats.java:6: ACT_HI_PROCINST");
	}

	private static List<String> engineTables(JavaSource source) {
		List<String> found = new ArrayList<>();
		Matcher table = ENGINE_TABLE.matcher(source.code());
		while (table.find()) {
			long line = source.code().substring(0, table.start()).chars().filter(c -> c == '\n').count() + 1;
			found.add(source.path() + ":" + line + ": " + table.group());
		}
		return found;
	}

	private static JavaSource source(String path, String text) {
		return JavaSources.of(Path.of(path), text);
	}
}
