package io.shopflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on an in-memory database with the job executor off: tests run jobs themselves and
 * move the engine clock (ClockUtil). No SMTP server is set, so emails land in the outbox table.
 * One shared Spring context for every such test.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMockMvc
// metrics as in production, so /actuator/prometheus can be tested (tests switch exporters off by default)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(properties = {
		"camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:engine-tests;DB_CLOSE_DELAY=-1",
		"shopflow.api.token=engine-test",
		"camunda.bpm.admin-user.password=engine-test",
		"shopflow.sms.twilio.account-sid=AC-engine",
		"shopflow.sms.twilio.auth-token=engine-test",
		"shopflow.sms.twilio.from=Shop",
		"shopflow.flows.replenishment.intervals.filters=P60D",
		"shopflow.webhooks.shopify.secret=shpss_engine_test",
		"shopflow.webhooks.woocommerce.secret=wc-engine-test",
		"shopflow.sms.twilio.base-url=http://localhost:${test.twilio-port:18187}" })
public @interface EngineTest {

	/** Tests that send SMS start a WireMock server on this port, reserved by Maven (18187 in an IDE). */
	int TWILIO_PORT = Integer.getInteger("test.twilio-port", 18187);

	/** Basic auth of the admin user, an operator (who may also do what marketers do). */
	String OPERATOR = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:engine-test".getBytes());
}
