package io.shopflow.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/** The BPMN XML of a flow's newest version, as deployed. */
@Service
public class FlowDiagrams {

	private final RepositoryService repository;

	FlowDiagrams(RepositoryService repository) {
		this.repository = repository;
	}

	public Optional<String> latest(String key) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
				.latestVersion().singleResult();
		if (definition == null) {
			return Optional.empty();
		}
		try (InputStream xml = repository.getProcessModel(definition.getId())) {
			return Optional.of(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
