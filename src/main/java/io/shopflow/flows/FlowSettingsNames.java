package io.shopflow.flows;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Gives every flow's settings record (@ConfigurationProperties under shopflow.flows) the short name models use in
 * expressions, ${abandonedCartSettings.firstReminder()}, instead of the long name property binding registers. The
 * records live in this package, except loyalty's VipSettings, whose tiers are that capability's own type (flows
 * already depends on loyalty, so the record there keeps the packages free of cycles).
 */
@Configuration(proxyBeanMethods = false)
class FlowSettingsNames {

	private static final String PREFIX = "shopflow.flows.";

	@Bean
	static BeanFactoryPostProcessor flowSettingsAliases() {
		return beans -> {
			for (String name : beans.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
				Class<?> type = beans.getType(name, false);
				if (type == null) {
					continue;
				}
				type = ClassUtils.getUserClass(type);
				ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
				if (properties == null || !(properties.value() + properties.prefix()).startsWith(PREFIX)) {
					continue;
				}
				String alias = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
				if (!name.equals(alias) && !beans.containsBean(alias)) {
					beans.registerAlias(name, alias);
				}
			}
		};
	}
}
