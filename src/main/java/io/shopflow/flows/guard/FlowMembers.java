package io.shopflow.flows.guard;

import java.util.Set;

/**
 * Which members a flow expression may reach, checked when a model is deployed and again when an expression runs.
 * Anything that leads to reflection (getClass, forName, a class loader) or to the engine itself is never allowed.
 */
final class FlowMembers {

	/** What a model may read and write of the execution (or task) it runs in: its variables and who it is. */
	static final Set<String> OF_EXECUTION = Set.of("getVariable", "getVariableLocal", "setVariable", "setVariableLocal",
			"hasVariable", "hasVariableLocal", "removeVariable", "removeVariableLocal", "getVariableTyped",
			"getProcessBusinessKey", "processBusinessKey", "getBusinessKey", "businessKey", "getProcessInstanceId",
			"processInstanceId", "getId", "id", "getCurrentActivityId", "currentActivityId", "getActivityInstanceId",
			"activityInstanceId", "getEventName", "eventName", "getProcessDefinitionId", "processDefinitionId",
			"getTenantId", "tenantId");

	static final Set<String> NEVER = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
			"declaredMethods", "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredMethod", "newInstance",
			"invoke", "exec", "getRuntime", "runtime", "processEngine", "getProcessEngine", "processEngineServices",
			"getProcessEngineServices", "processEngineConfiguration", "getProcessEngineConfiguration", "notify",
			"notifyAll", "wait", "applicationContext", "getApplicationContext", "beanFactory", "getBeanFactory");

	/** The names an expression uses for the scope it runs in. */
	static final Set<String> SCOPES = Set.of("execution", "task", "caseExecution", "variableScope");

	private FlowMembers() {
	}

	/** Any value may be printed; Duration settings become timer expressions this way. */
	static boolean harmless(String method, int arguments) {
		return arguments == 0 && method.equals("toString");
	}

	/** Records that our exposed beans return, e.g. a settings record's nested record. */
	static boolean ourValue(Object value) {
		return value.getClass().isRecord() && value.getClass().getName().startsWith("io.shopflow.");
	}
}
