package io.github.faircomclient.mq.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Enables {@link FairComMqListener} methods: registers the
 * {@link FairComMqListenerAnnotationBeanPostProcessor} and the
 * {@link MqListenerContainerRegistry}. Spring Boot's auto-configuration does this already;
 * outside Boot, add it to a configuration class with a container factory bean named
 * {@value MqListenerContainerRegistry#DEFAULT_FACTORY_BEAN_NAME}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(FairComMqBootstrapConfiguration.class)
public @interface EnableFairComMq {

}
