package io.shopflow.flows.guard;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of the expression rule: every property read and method call an expression makes passes here
 * before Camunda's resolvers, so an expression that never went through the deployment check (a model deployed
 * before it, or written into the database directly) still cannot reach reflection or the engine.
 */
final class GuardedElResolver extends ELResolver {

	private final ELResolver resolvers;
	private final FlowBeans beans;

	GuardedElResolver(ELResolver resolvers, FlowBeans beans) {
		this.resolvers = resolvers;
		this.beans = beans;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base != null) {
			allowRead(base, property);
		}
		return resolvers.getValue(context, base, property);
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
		String name = String.valueOf(method);
		int arguments = params == null ? 0 : params.length;
		boolean allowed = !FlowMembers.NEVER.contains(name) && base != null
				&& (FlowMembers.harmless(name, arguments) || beans.isExposedInstance(base) || FlowMembers.ourValue(base)
						|| base instanceof VariableScope && FlowMembers.OF_EXECUTION.contains(name));
		if (!allowed) {
			throw new ELException(new ExpressionNotAllowed("calls " + name + "() on " + describe(base)));
		}
		return resolvers.invoke(context, base, method, types, params);
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		if (base != null) {
			allowRead(base, property);
		}
		return resolvers.getType(context, base, property);
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null) {
			throw new ELException(new ExpressionNotAllowed("writes " + property + " of " + describe(base)));
		}
		resolvers.setValue(context, base, property, value);
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return base != null || resolvers.isReadOnly(context, base, property);
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return resolvers.getCommonPropertyType(context, base);
	}

	private void allowRead(Object base, Object property) {
		String name = String.valueOf(property);
		boolean allowed = !FlowMembers.NEVER.contains(name)
				&& (base instanceof Map || base instanceof List || base.getClass().isArray()
						|| beans.isExposedInstance(base) || FlowMembers.ourValue(base)
						|| base instanceof VariableScope && FlowMembers.OF_EXECUTION.contains(name));
		if (!allowed) {
			throw new ELException(new ExpressionNotAllowed("reads " + name + " of " + describe(base)));
		}
	}

	private static String describe(Object base) {
		return base == null ? "nothing" : "a " + base.getClass().getSimpleName();
	}
}
