package io.shopflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.shopflow.events.ShopEventHandler;

import org.springframework.core.annotation.Order;

/**
 * The package rules of docs/architecture.md: the engine stays behind the flows package, the event pipeline's
 * order is written in one place, capabilities do not form cycles (SourceRulesTest also sees the ones javac hides).
 */
@AnalyzeClasses(packages = "io.shopflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule onlyFlowsKnowsTheEngine = noClasses()
			.that().resideOutsideOfPackage("io.shopflow.flows..")
			.should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
			.because("a move to a Camunda 7 fork (Operaton, CIB seven) must stay a rename inside io.shopflow.flows");

	@ArchTest
	static final ArchRule theEventPipelineNamesTheOrderNotNumbers = noClasses()
			.that().implement(ShopEventHandler.class)
			.should().beAnnotatedWith(Order.class)
			.because("the order of the steps is io.shopflow.events.EventPipeline.Step, in one place");

	@ArchTest
	static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("io.shopflow.(*)..").should().beFreeOfCycles();
}
