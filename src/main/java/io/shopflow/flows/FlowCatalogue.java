package io.shopflow.flows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The latest active version of every deployed flow, read from the models. Rebuilt after any deployment
 * ({@link CatalogueRefreshPlugin}) and at most every minute, so a model deployed by another node is seen too.
 */
@Component
class FlowCatalogue {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FlowCatalogue.class);

	static final String REENTRY = "shopflow.reentry";
	static final String INSTANCE_KEY = "shopflow.instanceKey";
	static final String SEGMENT = "shopflow.segment";
	private static final long MAX_AGE_MILLIS = 60_000;

	private final RepositoryService repository;
	private final ProcessEngineConfigurationImpl configuration;
	private final CatalogueRefreshPlugin deployments;
	private volatile List<Flow> flows;
	private volatile long loadedAt;
	private volatile long loadedAtChange = -1;

	FlowCatalogue(RepositoryService repository, CatalogueRefreshPlugin deployments,
			ProcessEngineConfigurationImpl configuration) {
		this.repository = repository;
		this.configuration = configuration;
		this.deployments = deployments;
	}

	List<Flow> listeningTo(String message) {
		return flows().stream().filter(flow -> flow.listensTo(message)).toList();
	}

	private List<Flow> flows() {
		List<Flow> current = flows;
		long change = deployments.changes();
		if (current == null || change != loadedAtChange || System.currentTimeMillis() - loadedAt > MAX_AGE_MILLIS
				|| current.stream().anyMatch(this::undeployed)) {
			current = load();
			flows = current;
			loadedAt = System.currentTimeMillis();
			loadedAtChange = change;
		}
		return current;
	}

	/**
	 * A deleted deployment leaves the engine's cache at once; only then is the database asked, because the
	 * cache may also have evicted a definition that still exists.
	 */
	private boolean undeployed(Flow flow) {
		if (configuration.getDeploymentCache().getProcessDefinitionCache().get(flow.definitionId()) != null) {
			return false;
		}
		return repository.createProcessDefinitionQuery().processDefinitionId(flow.definitionId()).count() == 0;
	}

	private List<Flow> load() {
		return repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
				.flatMap(this::readable)
				.filter(flow -> !flow.startMessages().isEmpty() || !flow.catchMessages().isEmpty())
				.toList();
	}

	/**
	 * A definition the engine no longer accepts (one deployed before the deployment check, or written into the
	 * database directly) receives no events, and every other flow still does.
	 */
	private java.util.stream.Stream<Flow> readable(ProcessDefinition definition) {
		try {
			return java.util.stream.Stream.of(read(definition));
		}
		catch (org.camunda.bpm.engine.ProcessEngineException e) {
			log.error("Flow {} ({}) cannot be loaded and receives no events; deploy a corrected version: {}",
					definition.getKey(), definition.getId(), e.getMessage());
			return java.util.stream.Stream.empty();
		}
	}

	private Flow read(ProcessDefinition definition) {
		BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
		Process process = model.getModelElementById(definition.getKey());
		Map<String, String> starts = new HashMap<>();
		Set<String> catches = new HashSet<>();
		Set<String> exits = new HashSet<>();
		for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
			if (message.getMessage() == null || message.getMessage().getName() == null) {
				continue;
			}
			boolean processStart = message.getParentElement() instanceof StartEvent start
					&& start.getParentElement() instanceof Process;
			String name = message.getMessage().getName();
			if (processStart) {
				starts.put(Flow.eventType(name), name);
			}
			else {
				catches.add(name);
			}
			if (exit(message)) {
				exits.add(name);
			}
		}
		return new Flow(definition.getKey(), definition.getId(), starts, catches, exits,
				ReentryPolicy.of(property(process, REENTRY)), property(process, INSTANCE_KEY), property(process, SEGMENT));
	}

	/** The start of an interrupting event subprocess of the process: its message ends the instance. */
	private static boolean exit(MessageEventDefinition message) {
		return message.getParentElement() instanceof StartEvent start && start.isInterrupting()
				&& start.getParentElement() instanceof SubProcess subProcess && subProcess.triggeredByEvent()
				&& subProcess.getParentElement() instanceof Process;
	}

	private static String property(Process process, String name) {
		if (process == null || process.getExtensionElements() == null) {
			return null;
		}
		return process.getExtensionElements().getElementsQuery().filterByType(
				org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
				.flatMap(properties -> properties.getCamundaProperties().stream())
				.filter(property -> name.equals(property.getCamundaName()))
				.map(CamundaProperty::getCamundaValue)
				.findFirst()
				.orElse(null);
	}
}
