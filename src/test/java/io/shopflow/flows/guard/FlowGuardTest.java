package io.shopflow.flows.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.shopflow.EngineTest;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No deployment runs code, whoever deploys it: the probe's model (an expression reaching Runtime.exec) is refused
 * with the element and expression named, so are scripts and Java classes; what the shipped models use passes;
 * and an expression that never went through the check still cannot reach reflection when it runs.
 */
@EngineTest
class FlowGuardTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void everyShippedFlowPassedTheCheckAtStart() throws Exception {
		try (var models = Files.list(Path.of("bpmn"))) {
			models.filter(f -> f.toString().endsWith(".bpmn")).forEach(model -> {
				String key = model.getFileName().toString().replace(".bpmn", "");
				assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
						.as(key).isPositive();
			});
		}
	}

	@Test
	void theProbesModelIsRefusedAndRunsNothing() {
		Path marker = dir.resolve("pwned");
		assertThatThrownBy(() -> deploy(Models.probe("probe", marker))).isInstanceOf(ParseException.class)
				.hasMessageContaining("Task_Probe").hasMessageContaining("getClass");
		assertThat(marker).doesNotExist();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
	}

	@Test
	void scriptsJavaClassesAndOtherBeansAreRefused() {
		assertRefused(Models.serviceTask("s1", "camunda:class=\"java.lang.Object\""), "Task_Step", "Java code");
		assertRefused(Models.serviceTask("s2", "camunda:expression=\"${processEngine.name}\""), "Task_Step",
				"processEngine");
		assertRefused(Models.serviceTask("s3", "camunda:expression=\"${execution.getProcessEngineServices()}\""),
				"Task_Step", "getProcessEngineServices");
		assertRefused(Models.serviceTask("s4", "camunda:expression=\"${''.getClass()}\""), "Task_Step", "getClass");
		assertRefused(Models.serviceTask("s5", "camunda:expression=\"${customers.find('x')}\""), "Task_Step", "customers");
		assertRefused(Models.scriptTask("s6"), "Task_Script", "script task");
		assertRefused(Models.withScriptListener("s7"), "Task_Step", "script");
		assertRefused(Models.withScriptInputMapping("s8"), "Task_Step", "script");
	}

	@Test
	void decisionModelsAreRefused() {
		assertThatThrownBy(() -> repository.createDeployment().addString("rules.dmn", "<definitions/>").deploy())
				.isInstanceOf(ProcessEngineException.class).hasMessageContaining("BPMN flows only");
	}

	@Test
	void whatTheShippedFlowsUsePasses() {
		String deployment = deploy(Models.serviceTask("allowed", "camunda:delegateExpression=\"${issueCouponDelegate}\"",
				"<bpmn:extensionElements><camunda:inputOutput>"
						+ "<camunda:inputParameter name=\"a\">${welcomeSettings.storyDelay().toString()}</camunda:inputParameter>"
						+ "<camunda:inputParameter name=\"b\">${execution.setVariable('stage', 'cart')}</camunda:inputParameter>"
						+ "<camunda:inputParameter name=\"c\">${purchases.firstOrder(execution)}</camunda:inputParameter>"
						+ "<camunda:inputParameter name=\"d\">#{execution.processBusinessKey}</camunda:inputParameter>"
						+ "<camunda:inputParameter name=\"e\">${total &gt; 100 &amp;&amp; variant == 'b' ? 1 : 2}</camunda:inputParameter>"
						+ "<camunda:inputParameter name=\"f\">${cart.items[0].price * 2}</camunda:inputParameter>"
						+ "</camunda:inputOutput></bpmn:extensionElements>"));
		repository.deleteDeployment(deployment, true);
	}

	@Test
	void atRunTimeAnExpressionCannotReachReflection() {
		Path marker = dir.resolve("pwned-at-run-time");
		String instance = runtime.startProcessInstanceByKey("wait-for-purchase", "guard-" + UUID.randomUUID(),
				java.util.Map.of("timeout", "PT1H")).getId();
		try {
			String probe = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
					+ marker + "')}";
			for (String expression : new String[] { probe, "${execution.getProcessEngineServices()}",
					"${execution.processEngine}", "${applicationContext}" }) {
				assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
					ExecutionEntity execution = context.getExecutionManager().findExecutionById(instance);
					return engine.getExpressionManager().createExpression(expression).getValue(execution);
				})).as(expression).isInstanceOf(ProcessEngineException.class);
			}
			assertThat(marker).doesNotExist();
			Object allowed = engine.getCommandExecutorTxRequired().execute(context -> engine.getExpressionManager()
					.createExpression("${welcomeSettings.storyDelay().toString()}")
					.getValue(context.getExecutionManager().findExecutionById(instance)));
			assertThat(allowed.toString()).startsWith("P");
		}
		finally {
			runtime.deleteProcessInstance(instance, "test");
		}
	}

	@Test
	void aModelWrittenIntoTheDatabaseWithoutTheCheckRunsNothing() {
		Path marker = dir.resolve("pwned-from-the-database");
		String deployment = "dep-" + UUID.randomUUID();
		jdbc.sql("insert into ACT_RE_DEPLOYMENT (ID_, NAME_, DEPLOY_TIME_) values (?, 'smuggled', ?)")
				.params(deployment, Timestamp.from(Instant.now())).update();
		jdbc.sql("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, DEPLOYMENT_ID_, BYTES_, GENERATED_, TYPE_) "
				+ "values (?, 1, 'smuggled.bpmn', ?, ?, false, 1)")
				.params("ba-" + UUID.randomUUID(), deployment,
						Models.probe("smuggled", marker).getBytes(StandardCharsets.UTF_8)).update();
		jdbc.sql("insert into ACT_RE_PROCDEF (ID_, REV_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_, "
				+ "HAS_START_FORM_KEY_, SUSPENSION_STATE_, HISTORY_TTL_, STARTABLE_) "
				+ "values (?, 1, 'smuggled', 1, ?, 'smuggled.bpmn', false, 1, 1, true)")
				.params("smuggled:1:" + deployment, deployment).update();

		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("smuggled")).isInstanceOf(ProcessEngineException.class);
			assertThat(marker).doesNotExist();
		}
		finally { // other tests share this database
			jdbc.sql("delete from ACT_RE_PROCDEF where DEPLOYMENT_ID_ = ?").param(deployment).update();
			jdbc.sql("delete from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ = ?").param(deployment).update();
			jdbc.sql("delete from ACT_RE_DEPLOYMENT where ID_ = ?").param(deployment).update();
		}
	}

	private String deploy(String xml) {
		return repository.createDeployment().addString("model.bpmn", xml).deploy().getId();
	}

	private void assertRefused(String xml, String element, String reason) {
		assertThatThrownBy(() -> deploy(xml)).as(reason).isInstanceOf(ParseException.class)
				.hasMessageContaining(element).hasMessageContaining(reason);
	}
}
