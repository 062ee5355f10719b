package io.github.faircomclient.mq.listener;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.github.faircomclient.mq.MqMessage;

/**
 * {@link BeanRegistrationAotProcessor} for beans with
 * {@link FairComMqListener @FairComMqListener} methods: in a native image the methods are
 * invoked reflectively and their payload types (the parameter, or the type argument of an
 * {@link MqMessage} parameter) are read by Jackson, so both get hints.
 */
class FairComMqListenerBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = registeredBean.getBeanClass();
		Map<Method, FairComMqListener> methods = MethodIntrospector.selectMethods(beanClass,
				(MethodIntrospector.MetadataLookup<FairComMqListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, FairComMqListener.class));
		if (methods.isEmpty()) {
			return null;
		}
		return (generationContext, beanRegistrationCode) -> {
			RuntimeHints hints = generationContext.getRuntimeHints();
			for (Method method : methods.keySet()) {
				hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
				if (method.getParameterCount() > 0) {
					this.bindingRegistrar.registerReflectionHints(hints.reflection(), payloadType(method));
				}
			}
		};
	}

	static Type payloadType(Method method) {
		ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
		if (MqMessage.class.isAssignableFrom(parameter.toClass())) {
			ResolvableType payload = parameter.getGeneric(0);
			return (payload.resolve() != null) ? payload.getType() : Object.class;
		}
		return parameter.getType();
	}

}
