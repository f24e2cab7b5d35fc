package io.shopflow.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in bpmn/ opens laid out in Camunda Modeler, has readable ids, is cleaned up by history TTL, and has one
 * constants holder whose ids it has.
 */
class ShippedModelsTest {

	/** One per model: its key, the ids code and tests rely on (VAR_ constants are variable names). */
	static final List<Class<?>> CONSTANTS_HOLDERS = List.of(AbandonedCartFlow.class, BackInStockFlow.class,
			BirthdayFlow.class, BrowseAbandonmentFlow.class, CampaignFlow.class, PostPurchaseFlow.class,
			ReplenishmentFlow.class, VipFlow.class, WaitForPurchaseFlow.class, WelcomeFlow.class, WinBackFlow.class);

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

	/** Every service task of ours was made with a shipped element template, and has every field it binds. */
	@ParameterizedTest
	@MethodSource("models")
	void ourTasksMatchTheShippedElementTemplates(Path file) throws IOException {
		Map<String, JsonNode> templates = new HashMap<>();
		try (Stream<Path> files = Files.list(Path.of("bpmn/.camunda/element-templates"))) {
			for (Path json : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				new ObjectMapper().readTree(json.toFile()).forEach(t -> templates.put(t.path("id").asText(), t));
			}
		}
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			String delegate = task.getCamundaDelegateExpression();
			if (delegate == null || !delegate.matches("\\$\\{\\w+Delegate\\}")) {
				continue;
			}
			String templateId = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
			assertThat(templates).as(task.getId() + " uses a shipped template").containsKey(templateId);
			JsonNode template = templates.get(templateId);
			assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplateVersion"))
					.isEqualTo(template.path("version").asText());
			Set<String> inputs = new HashSet<>();
			if (task.getExtensionElements() != null) {
				task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
						.forEach(io -> io.getCamundaInputParameters().forEach(in -> inputs.add(in.getCamundaName())));
			}
			for (JsonNode property : template.path("properties")) {
				JsonNode binding = property.path("binding");
				if ("camunda:inputParameter".equals(binding.path("type").asText()) && !property.path("optional").asBoolean()) {
					assertThat(inputs).as(task.getId() + " input " + binding.path("name").asText())
							.contains(binding.path("name").asText());
				}
				if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
					assertThat(delegate).as(task.getId() + " delegate").isEqualTo(property.path("value").asText());
				}
				if ("camunda:asyncBefore".equals(binding.path("name").asText())) {
					assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void idsAreReadableAndTheProcessIsNamedAfterItsFile(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Process process = model.getModelElementsByType(Process.class).iterator().next();

		assertThat(process.getId()).isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
		assertThat(model.getModelElementsByType(FlowNode.class))
				.allSatisfy(node -> assertThat(node.getId()).doesNotMatch("(Activity|Event|Gateway|Flow)_(?=[0-9a-z]*[0-9])[0-9a-z]{7}"));
	}

	@Test
	void everyModelHasOneConstantsHolderAndHasItsIds() throws Exception {
		Map<String, Class<?>> holders = new HashMap<>();
		for (Class<?> holder : CONSTANTS_HOLDERS) {
			String key = (String) holder.getDeclaredField("KEY").get(null);
			assertThat(holders.put(key, holder)).as("one holder for " + key).isNull();
			BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", key + ".bpmn").toFile());
			for (Field field : holder.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
						&& ((String) field.get(null)).matches("[A-Z][A-Za-z]*_[A-Za-z]+")) {
					assertThat((Object) model.getModelElementById((String) field.get(null)))
							.as(holder.getSimpleName() + "." + field.getName() + " in " + key + ".bpmn").isNotNull();
				}
			}
		}
		assertThat(holders.keySet()).containsExactlyInAnyOrderElementsOf(
				models().stream().map(file -> file.getFileName().toString().replace(".bpmn", "")).toList());
	}
}
