package org.tongban.cases.process;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.flowable.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flowable creates its tables while the context starts. If it ran before Flyway, Flyway would meet a
 * schema that is not empty and refuse to migrate; so every process engine waits for Flyway.
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeFlowable {

	@Bean
	static BeanFactoryPostProcessor processEngineAfterFlyway() {
		return FlywayBeforeFlowable::dependOnFlyway;
	}

	private static void dependOnFlyway(ConfigurableListableBeanFactory factory) {
		if (!factory.containsBeanDefinition("flywayInitializer")) {
			return;
		}
		for (String name : factory.getBeanNamesForType(ProcessEngine.class, true, false)) {
			BeanDefinition definition = factory.getBeanDefinition(name);
			Set<String> dependsOn = new LinkedHashSet<>();
			if (definition.getDependsOn() != null) {
				dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
			}
			dependsOn.add("flywayInitializer");
			definition.setDependsOn(dependsOn.toArray(String[]::new));
		}
	}
}
