package io.shopflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md: the engine stays behind the flows package, capabilities do not form cycles. */
@AnalyzeClasses(packages = "io.shopflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule onlyFlowsKnowsTheEngine = noClasses()
			.that().resideOutsideOfPackage("io.shopflow.flows..")
			.should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
			.because("a move to a Camunda 7 fork (Operaton, CIB seven) must stay a rename inside io.shopflow.flows");

	@ArchTest
	static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("io.shopflow.(*)..").should().beFreeOfCycles();
}
