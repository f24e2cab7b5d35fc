package io.shopflow.flows;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory}, unless the JVM was given one. The engine asks
 * {@code DatatypeFactory.newInstance()} for every timer it schedules (each ISO 8601 duration), and without the
 * property that call searches every jar on the class path for a service file: with Shopflow's ~300 jars that was
 * a tenth of the request threads' CPU in IngestBench's profile. No jar here provides another factory, so the
 * answer is the same, only found at once.
 */
@Component
class BuiltInDatatypeFactoryPlugin extends AbstractProcessEnginePlugin {

	private static final String PROPERTY = DatatypeFactory.class.getName();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}
}
