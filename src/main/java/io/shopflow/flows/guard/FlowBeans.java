package io.shopflow.flows.guard;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.ClassUtils;

/**
 * The beans flow expressions may name: our delegates, the flow settings records (shopflow.flows.*) and beans
 * marked {@link ExposedToFlows}. Camunda's expression manager reads beans through this map only, so
 * ${processEngine}, ${applicationContext} or any other bean does not resolve at all.
 */
final class FlowBeans extends AbstractMap<Object, Object> {

	private static final String OUR_PACKAGE = "io.shopflow.";

	private final ListableBeanFactory beans;
	private volatile Set<String> names;
	private final Set<Object> instances = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	FlowBeans(ListableBeanFactory beans) {
		this.beans = beans;
	}

	boolean exposes(String name) {
		return names().contains(name);
	}

	/** Whether a value an expression holds is one of the exposed beans (its methods may be called). */
	boolean isExposedInstance(Object value) {
		return instances.contains(value);
	}

	@Override
	public boolean containsKey(Object key) {
		return key instanceof String name && exposes(name);
	}

	@Override
	public Object get(Object key) {
		if (!containsKey(key)) {
			return null;
		}
		Object bean = beans.getBean((String) key);
		instances.add(bean);
		return bean;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		return Map.<Object, Object>of().entrySet(); // never listed: expressions look beans up by name
	}

	private Set<String> names() {
		Set<String> known = names;
		if (known == null) {
			known = new HashSet<>();
			for (String name : beans.getBeanDefinitionNames()) {
				Class<?> type = beans.getType(name, false);
				if (type != null && exposed(ClassUtils.getUserClass(type))) {
					known.add(name);
					Collections.addAll(known, beans.getAliases(name));
				}
			}
			names = known;
		}
		return known;
	}

	private static boolean exposed(Class<?> type) {
		if (!type.getName().startsWith(OUR_PACKAGE)) {
			return false;
		}
		ConfigurationProperties settings = type.getAnnotation(ConfigurationProperties.class);
		return JavaDelegate.class.isAssignableFrom(type) || type.isAnnotationPresent(ExposedToFlows.class)
				|| settings != null && (settings.value() + settings.prefix()).startsWith("shopflow.flows.");
	}
}
