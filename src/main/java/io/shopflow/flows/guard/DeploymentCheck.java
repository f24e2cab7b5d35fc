package io.shopflow.flows.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a model that could run code of its author's choosing, whoever deploys it: script tasks, scripts in
 * listeners, conditions or input/output mappings, Java classes named by the model, and expressions outside the
 * allowlist ({@link ExpressionCheck}). Camunda answers the deployment with 400 and this message, which names
 * the element and the expression.
 */
final class DeploymentCheck extends AbstractBpmnParseListener {

	/** Elements whose text is for people, never evaluated. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "variableMappingClass", "scriptFormat");

	private final ExpressionCheck expressions;

	DeploymentCheck(ExpressionCheck expressions) {
		this.expressions = expressions;
	}

	@Override
	public void parseRootElement(Element root, List<ProcessDefinitionEntity> processes) {
		List<String> refusals = new ArrayList<>();
		Element[] first = new Element[1];
		visit(root, "definitions", refusals, first);
		if (!refusals.isEmpty()) {
			throw new BpmnParseException("Shopflow refuses this model: " + String.join("; ", refusals)
					+ ". Flows may use Shopflow's delegates and settings, process variables, literals and operators only.",
					first[0]);
		}
	}

	private void visit(Element element, String owner, List<String> refusals, Element[] first) {
		String id = element.attribute("id") != null ? element.attribute("id") : owner;
		String tag = element.getTagName();
		List<String> found = new ArrayList<>();
		if (tag.equals("scriptTask")) {
			found.add(id + " is a script task");
		}
		else if (tag.equals("script")) {
			found.add(id + " holds a script");
		}
		else if ((tag.equals("conditionExpression") || tag.equals("condition")) && element.attribute("language") != null) {
			found.add(id + " has a script condition (language '" + element.attribute("language") + "')");
		}
		for (String attribute : element.attributes()) {
			String value = element.attribute(attribute);
			String name = attribute.substring(attribute.lastIndexOf(':') + 1);
			if (CODE_ATTRIBUTES.contains(name)) {
				found.add(id + " names Java code (" + name + "=\"" + value + "\"); use a delegate expression");
			}
			else {
				expression(value).flatMap(expressions::refusal)
						.ifPresent(why -> found.add(id + ": expression " + value + " " + why));
			}
		}
		if (element.elements().isEmpty() && !PROSE.contains(tag)) {
			String text = element.getText() == null ? "" : element.getText().trim();
			expression(text).flatMap(expressions::refusal)
					.ifPresent(why -> found.add(id + ": expression " + text + " " + why));
		}
		if (!found.isEmpty() && first[0] == null) {
			first[0] = element;
		}
		refusals.addAll(found);
		if (!PROSE.contains(tag)) {
			for (Element child : element.elements()) {
				visit(child, id, refusals, first);
			}
		}
	}

	private static Optional<String> expression(String value) {
		return value != null && (value.contains("${") || value.contains("#{")) ? Optional.of(value) : Optional.empty();
	}
}
