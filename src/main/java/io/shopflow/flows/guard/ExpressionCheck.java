package io.shopflow.flows.guard;

import java.lang.reflect.Field;
import java.util.Optional;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The deploy-time half of the expression rule, on the expression's syntax tree: variables, literals, operators,
 * the exposed beans and their methods, and the execution's variable methods. Everything else is named in the
 * refusal, so the marketer sees which expression to change.
 */
final class ExpressionCheck {

	private static final Field DOT_PROPERTY = field(AstDot.class, "property");

	private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS);
	private final FlowBeans flowBeans;
	private final ListableBeanFactory allBeans;

	ExpressionCheck(FlowBeans flowBeans, ListableBeanFactory allBeans) {
		this.flowBeans = flowBeans;
		this.allBeans = allBeans;
	}

	/** Why the expression is refused, or empty when it may run. */
	Optional<String> refusal(String expression) {
		try {
			return walk(parser.build(expression).getRoot());
		}
		catch (TreeBuilderException e) {
			return Optional.of("is not a valid expression: " + e.getMessage());
		}
	}

	private Optional<String> walk(Node node) {
		Optional<String> here = check(node);
		if (here.isPresent()) {
			return here;
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			Optional<String> below = walk(node.getChild(i));
			if (below.isPresent()) {
				return below;
			}
		}
		return Optional.empty();
	}

	private Optional<String> check(Node node) {
		if (node instanceof AstIdentifier identifier) {
			String name = identifier.getName();
			return FlowMembers.NEVER.contains(name) || allBeans.containsBean(name) && !flowBeans.exposes(name)
					? Optional.of("names the bean '" + name + "', which flows may not use") : Optional.empty();
		}
		if (node instanceof AstMethod method) {
			AstProperty property = (AstProperty) method.getChild(0);
			int arguments = ((AstParameters) method.getChild(1)).getCardinality();
			return checkCall(member(property), property.getChild(0), arguments);
		}
		if (node instanceof AstProperty property) {
			String name = member(property);
			if (name != null && FlowMembers.NEVER.contains(name)) {
				return Optional.of("reads '" + name + "'");
			}
			if (property.getChild(0) instanceof AstIdentifier scope && FlowMembers.SCOPES.contains(scope.getName())
					&& name != null && !FlowMembers.OF_EXECUTION.contains(name)) {
				return Optional.of("reads '" + name + "' of " + scope.getName());
			}
		}
		return Optional.empty();
	}

	private Optional<String> checkCall(String method, AstNode base, int arguments) {
		if (method == null || FlowMembers.NEVER.contains(method)) {
			return Optional.of("calls '" + method + "'");
		}
		if (FlowMembers.harmless(method, arguments)) {
			return Optional.empty();
		}
		if (base instanceof AstIdentifier identifier) {
			String name = identifier.getName();
			if (flowBeans.exposes(name) || FlowMembers.SCOPES.contains(name) && FlowMembers.OF_EXECUTION.contains(method)) {
				return Optional.empty();
			}
		}
		return Optional.of("calls '" + method + "' on something other than Shopflow's beans");
	}

	/** The member's name when it is written out (a.b, a['b']), null when it is computed (a[x]). */
	private static String member(AstProperty property) {
		if (property instanceof AstDot dot) {
			try {
				return (String) DOT_PROPERTY.get(dot);
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
			return String.valueOf(literal.eval(null, null));
		}
		return null;
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda's JUEL changed: " + type.getName() + "." + name, e);
		}
	}
}
