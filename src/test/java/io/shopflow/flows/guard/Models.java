package io.shopflow.flows.guard;

import java.nio.file.Path;

/** Small BPMN models for the deployment check: the probe's, and one of each kind of code a model could carry. */
public final class Models {

	private static final String HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://shopflow.io/test">
			  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="StartEvent_1"/>
			    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="%s"/>
			""";

	private static final String TAIL = """
			    <bpmn:sequenceFlow id="Flow_2" sourceRef="%s" targetRef="EndEvent_1"/>
			    <bpmn:endEvent id="EndEvent_1"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	private Models() {
	}

	/** A process that starts, runs the one task given (its XML and id) and ends. */
	public static String withTask(String key, String taskId, String task) {
		return HEAD.formatted(key, taskId) + task + "\n" + TAIL.formatted(taskId);
	}

	/** The model of the probe: a service task whose expression reaches Runtime.exec through reflection. */
	public static String probe(String key, Path marker) {
		return HEAD.formatted(key, "Task_Probe") + """
				    <bpmn:serviceTask id="Task_Probe" camunda:expression="${&quot;&quot;.getClass().forName(&quot;java.lang.Runtime&quot;).getMethod(&quot;getRuntime&quot;).invoke(null).exec(&quot;touch %s&quot;)}"/>
				""".formatted(marker) + TAIL.formatted("Task_Probe");
	}

	static String serviceTask(String key, String attributes) {
		return serviceTask(key, attributes, "");
	}

	static String serviceTask(String key, String attributes, String body) {
		return HEAD.formatted(key, "Task_Step") + "<bpmn:serviceTask id=\"Task_Step\" " + attributes + ">" + body
				+ "</bpmn:serviceTask>" + TAIL.formatted("Task_Step");
	}

	static String scriptTask(String key) {
		return HEAD.formatted(key, "Task_Script") + """
				<bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>"touch /tmp/x".execute()</bpmn:script></bpmn:scriptTask>
				""" + TAIL.formatted("Task_Script");
	}

	static String withScriptListener(String key) {
		return serviceTask(key, "camunda:delegateExpression=\"${issueCouponDelegate}\"", """
				<bpmn:extensionElements><camunda:executionListener event="start">
				<camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('id')</camunda:script>
				</camunda:executionListener></bpmn:extensionElements>""");
	}

	static String withScriptInputMapping(String key) {
		return serviceTask(key, "camunda:delegateExpression=\"${issueCouponDelegate}\"", """
				<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">
				<camunda:script scriptFormat="javascript">1</camunda:script>
				</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>""");
	}
}
