package io.shopflow.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model in bpmn/ opens laid out in Camunda Modeler, has readable ids and is cleaned up by history TTL. */
class ShippedModelsTest {

	static List<Path> models() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyFlowNodeAndSequenceFlowIsDrawn(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.map(shape -> shape.getBpmnElement().getId()).toList();
		List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
				.map(edge -> edge.getBpmnElement().getId()).toList();

		assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty()
				.allSatisfy(node -> assertThat(shapes).as("shape of " + node.getId()).contains(node.getId()));
		assertThat(model.getModelElementsByType(SequenceFlow.class))
				.allSatisfy(flow -> assertThat(edges).as("edge of " + flow.getId()).contains(flow.getId()));
	}

	@ParameterizedTest
	@MethodSource("models")
	void idsAreReadableAndTheProcessIsNamedAfterItsFile(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Process process = model.getModelElementsByType(Process.class).iterator().next();

		assertThat(process.getId()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
		assertThat(model.getModelElementsByType(FlowNode.class))
				.allSatisfy(node -> assertThat(node.getId()).doesNotMatch("(?i)(Activity|Event|Gateway|Flow)_[0-9a-z]{7}"));
	}
}
