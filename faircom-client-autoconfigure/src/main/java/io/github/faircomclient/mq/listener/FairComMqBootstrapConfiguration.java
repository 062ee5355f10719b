package io.github.faircomclient.mq.listener;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the infrastructure of {@link EnableFairComMq} unless it is registered already.
 */
public class FairComMqBootstrapConfiguration implements ImportBeanDefinitionRegistrar {

	/**
	 * The bean name of the post-processor.
	 */
	public static final String POST_PROCESSOR_BEAN_NAME = "fairComMqListenerAnnotationBeanPostProcessor";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(POST_PROCESSOR_BEAN_NAME)) {
			RootBeanDefinition definition = new RootBeanDefinition(FairComMqListenerAnnotationBeanPostProcessor.class);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(POST_PROCESSOR_BEAN_NAME, definition);
		}
		if (!registry.containsBeanDefinition(MqListenerContainerRegistry.BEAN_NAME)) {
			RootBeanDefinition definition = new RootBeanDefinition(MqListenerContainerRegistry.class);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(MqListenerContainerRegistry.BEAN_NAME, definition);
		}
	}

}
