package io.github.faircomclient.mq.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the listener of FairCom MQ topics. A
 * {@link MqListenerContainer} with an MQ API session of its own subscribes to the topics,
 * polls them and calls the method with each message; the method's single parameter is the
 * payload (a {@code String}, {@code byte[]}, {@code JsonNode} or any type JSON maps to) or
 * an {@link io.github.faircomclient.mq.MqMessage MqMessage&lt;T&gt;}. A non-null return
 * value is published to the message's response topic with its correlation data
 * (request/reply). A method that throws is called again, up to the factory's attempts,
 * then the message goes to the dead-letter topic.
 * <p>
 * Every attribute but {@link #topics()} is optional; all may hold {@code ${...}}
 * placeholders. Processed by {@link FairComMqListenerAnnotationBeanPostProcessor}
 * (registered by {@link EnableFairComMq} or the auto-configuration).
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FairComMqListener {

	/**
	 * The container's id, unique in the application; by default
	 * {@code <bean name>.<method name>}.
	 * @return the id
	 */
	String id() default "";

	/**
	 * The MQTT topic filters to subscribe to ({@code +} one level, {@code #} the rest).
	 * @return the filters
	 */
	String[] topics();

	/**
	 * A share group: each filter becomes {@code $share/<group>/<filter>}, so that every
	 * message goes to one member of the group, across containers and instances.
	 * @return the group, empty for none
	 */
	String group() default "";

	/**
	 * The client name of the container's MQ API session; by default the factory's client
	 * name prefix, a dash and the {@link #id()}.
	 * @return the client name
	 */
	String clientName() default "";

	/**
	 * How many messages the container processes at once; by default the factory's.
	 * @return a number, or empty
	 */
	String concurrency() default "";

	/**
	 * The bean name of the {@link MqListenerContainerFactory}; by default
	 * {@value MqListenerContainerRegistry#DEFAULT_FACTORY_BEAN_NAME}.
	 * @return the bean name
	 */
	String containerFactory() default "";

	/**
	 * Whether the container starts with the application context: {@code true},
	 * {@code false} or empty for the factory's setting.
	 * @return the setting
	 */
	String autoStartup() default "";

}
