package io.github.faircomclient.mq.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.github.faircomclient.mq.MqSubscription;

/**
 * Finds {@link FairComMqListener} methods on beans and, once every singleton exists,
 * registers a container for each with the {@link MqListenerContainerRegistry}, created by
 * the factory the annotation names; beans created later (lazy or prototype beans) get
 * theirs when they are initialized. Attributes may hold {@code ${...}} placeholders.
 */
public class FairComMqListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

	private final List<Listener> listeners = new ArrayList<>();

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	private volatile boolean singletonsInstantiated;

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutListeners.contains(targetClass)) {
			return bean;
		}
		Map<Method, FairComMqListener> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<FairComMqListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, FairComMqListener.class));
		if (methods.isEmpty()) {
			this.classesWithoutListeners.add(targetClass);
			return bean;
		}
		List<Listener> found = new ArrayList<>();
		methods.forEach((method, annotation) -> found
			.add(new Listener(bean, beanName, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
		if (this.singletonsInstantiated) {
			found.forEach(this::register);
		}
		else {
			this.listeners.addAll(found);
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.singletonsInstantiated = true;
		this.listeners.forEach(this::register);
		this.listeners.clear();
	}

	private void register(Listener listener) {
		BeanFactory beanFactory = this.beanFactory;
		Assert.state(beanFactory != null, "No BeanFactory");
		String factoryName = resolve(listener.annotation().containerFactory());
		MqListenerContainerFactory factory = beanFactory.getBean(
				StringUtils.hasText(factoryName) ? factoryName : MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME,
				MqListenerContainerFactory.class);
		beanFactory.getBean(MqListenerContainerRegistry.class).registerListenerContainer(endpoint(listener), factory);
	}

	private MqListenerEndpoint endpoint(Listener listener) {
		FairComMqListener annotation = listener.annotation();
		String id = resolve(annotation.id());
		if (!StringUtils.hasText(id)) {
			id = listener.beanName() + "." + listener.method().getName();
		}
		String group = resolve(annotation.group());
		List<MqSubscription> subscriptions = new ArrayList<>();
		for (String topic : annotation.topics()) {
			String filter = resolve(topic);
			subscriptions.add(StringUtils.hasText(group) ? MqSubscription.shared(group, filter) : MqSubscription.to(filter));
		}
		Assert.state(!subscriptions.isEmpty(), () -> "@FairComMqListener on " + listener.method() + " names no topics");
		MethodMqMessageListener invoker = new MethodMqMessageListener(listener.bean(), listener.method());
		MqListenerEndpoint endpoint = new MqListenerEndpoint(id, subscriptions, invoker.payloadType(), invoker);
		String clientName = resolve(annotation.clientName());
		if (StringUtils.hasText(clientName)) {
			endpoint = endpoint.withClientName(clientName);
		}
		String concurrency = resolve(annotation.concurrency());
		if (StringUtils.hasText(concurrency)) {
			try {
				endpoint = endpoint.withConcurrency(Integer.parseInt(concurrency.trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("@FairComMqListener " + id + " has concurrency '" + concurrency
						+ "'; give a whole number of at least 1", ex);
			}
		}
		String autoStartup = resolve(annotation.autoStartup()).trim();
		if (StringUtils.hasText(autoStartup)) {
			Assert.state(autoStartup.equalsIgnoreCase("true") || autoStartup.equalsIgnoreCase("false"),
					() -> "@FairComMqListener " + listener.method() + " has autoStartup '" + autoStartup
							+ "'; give true or false");
			endpoint = endpoint.withAutoStartup(Boolean.parseBoolean(autoStartup));
		}
		return endpoint;
	}

	private String resolve(String value) {
		if (this.beanFactory instanceof ConfigurableBeanFactory configurable && value.contains("${")) {
			String resolved = configurable.resolveEmbeddedValue(value);
			return (resolved != null) ? resolved : value;
		}
		return value;
	}

	private record Listener(Object bean, String beanName, Method method, FairComMqListener annotation) {
	}

}
