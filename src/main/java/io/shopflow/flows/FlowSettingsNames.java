package io.shopflow.flows;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the flows' settings records the short names models use in expressions
 * (${abandonedCartSettings.firstReminder()}), instead of the long names property binding registers.
 */
@Configuration(proxyBeanMethods = false)
class FlowSettingsNames {

	@Bean
	static BeanFactoryPostProcessor flowSettingsAliases() {
		return beans -> {
			for (Class<?> settings : new Class<?>[] { AbandonedCartSettings.class, WelcomeSettings.class,
					BrowseAbandonmentSettings.class, BirthdaySettings.class, WinBackSettings.class,
					PostPurchaseSettings.class, io.shopflow.products.BackInStockSettings.class,
					io.shopflow.replenishment.ReplenishmentSettings.class, io.shopflow.loyalty.VipSettings.class }) {
				String alias = Character.toLowerCase(settings.getSimpleName().charAt(0))
						+ settings.getSimpleName().substring(1);
				for (String name : beans.getBeanNamesForType(settings, false, false)) {
					if (!name.equals(alias)) {
						beans.registerAlias(name, alias);
					}
				}
			}
		};
	}
}
