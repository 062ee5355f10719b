package io.github.faircomclient.mq.listener;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;

import io.github.faircomclient.mq.MqMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComMqListenerBeanRegistrationAotProcessor}: registered through
 * {@code aot.factories}, it makes listener methods invocable and their payload types
 * readable in a native image, and contributes nothing for other beans.
 */
class FairComMqListenerBeanRegistrationAotProcessorTests {

	@Test
	void isRegisteredThroughAotFactories() {
		assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class))
			.anyMatch(FairComMqListenerBeanRegistrationAotProcessor.class::isInstance);
	}

	@Test
	void listenerMethodsAndTheirPayloadTypesGetHints() {
		RuntimeHints hints = process(Listeners.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "bill")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "audit")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "number")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Listeners.class, "notAListener"))
			.rejects(hints);
	}

	@Test
	void beansWithoutListenersContributeNothing() {
		assertThat(contribution(Invoice.class)).isNull();
	}

	private static RuntimeHints process(Class<?> beanClass) {
		BeanRegistrationAotContribution contribution = contribution(beanClass);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new TestGenerationContext();
		contribution.applyTo(generationContext, null);
		return generationContext.getRuntimeHints();
	}

	private static BeanRegistrationAotContribution contribution(Class<?> beanClass) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("bean", new RootBeanDefinition(beanClass));
		return new FairComMqListenerBeanRegistrationAotProcessor()
			.processAheadOfTime(RegisteredBean.of(beanFactory, "bean"));
	}

	static class Listeners {

		@FairComMqListener(topics = "orders/#")
		void bill(Order order) {
		}

		@FairComMqListener(topics = "invoices/#")
		void audit(MqMessage<Invoice> message) {
		}

		void notAListener(Order order) {
		}

	}

	record Order(String number) {
	}

	record Invoice(String number, long cents) {
	}

}
