package io.github.faircomclient.mq.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

import io.github.faircomclient.mq.MqMessage;

import tools.jackson.databind.JsonNode;

/**
 * Calls a bean method with a message's payload, or with the message when the method takes
 * an {@link MqMessage}.
 */
final class MethodMqMessageListener implements MqMessageListener {

	private final Object bean;

	private final Method method;

	private final boolean wantsMessage;

	private final Type payloadType;

	MethodMqMessageListener(Object bean, Method method) {
		Assert.isTrue(method.getParameterCount() == 1, () -> "@FairComMqListener method " + method
				+ " must take one parameter: the payload or an MqMessage<T>");
		this.bean = bean;
		this.method = method;
		ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
		this.wantsMessage = MqMessage.class.isAssignableFrom(parameter.toClass());
		if (this.wantsMessage) {
			ResolvableType payload = parameter.getGeneric(0);
			this.payloadType = (payload.resolve() != null) ? payload.getType() : JsonNode.class;
		}
		else {
			this.payloadType = parameter.getType();
		}
		ReflectionUtils.makeAccessible(method);
	}

	Type payloadType() {
		return this.payloadType;
	}

	@Override
	public @Nullable Object onMessage(MqMessage<Object> message) throws Exception {
		try {
			return this.method.invoke(this.bean, this.wantsMessage ? message : message.payload());
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	@Override
	public String toString() {
		return this.method.toGenericString();
	}

}
