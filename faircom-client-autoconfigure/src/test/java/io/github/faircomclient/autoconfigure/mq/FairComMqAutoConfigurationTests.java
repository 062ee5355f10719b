package io.github.faircomclient.autoconfigure.mq;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.health.MqListenerHealthDetailsContributor;
import io.github.faircomclient.metrics.MicrometerMqListenerMetrics;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqPayloadFormat;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.mq.MqSubscription;
import io.github.faircomclient.mq.listener.DefaultMqListenerContainerFactory;
import io.github.faircomclient.mq.listener.FairComMqListener;
import io.github.faircomclient.mq.listener.FairComMqListenerAnnotationBeanPostProcessor;
import io.github.faircomclient.mq.listener.MqListenerContainer;
import io.github.faircomclient.mq.listener.MqListenerContainerFactory;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.mq.listener.MqListenerContainerSettings;
import io.github.faircomclient.mq.listener.MqListenerMetrics;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FairComMqAutoConfiguration}: the template's MQ settings, the container factory,
 * {@code @FairComMqListener} support, metrics and health, and their properties.
 */
class FairComMqAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				FairComMqAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret", "spring.application.name=orders", "faircom.mq.instance=node1");

	@Test
	void configuresTheTemplatesMqOperationsAndTheListenerInfrastructure() {
		this.runner.run((context) -> {
			MqSettings settings = context.getBean(MqSettings.class);
			assertThat(settings.clientName()).isEqualTo("orders-node1");
			assertThat(settings.binaryFormat()).isEqualTo(MqPayloadFormat.BASE64);
			assertThat(context.getBean(FairComTemplate.class).mq().getClientName()).isEqualTo("orders-node1");
			assertThat(context).hasSingleBean(MqListenerContainerRegistry.class)
				.hasSingleBean(FairComMqListenerAnnotationBeanPostProcessor.class)
				.hasSingleBean(MqListenerHealthDetailsContributor.class)
				.doesNotHaveBean(MqListenerMetrics.class);
			MqListenerContainerSettings listener = context
				.getBean(MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME, DefaultMqListenerContainerFactory.class)
				.getSettings();
			assertThat(listener.clientNamePrefix()).isEqualTo("orders-node1");
			assertThat(listener.temporarySession()).isFalse();
			assertThat(listener.maxAttempts()).isEqualTo(3);
			assertThat(listener.deadLetterTopic("orders/eu")).isEqualTo("dead-letters/orders/eu");
			assertThat(listener.polling().minInterval()).isEqualTo(Duration.ofMillis(10));
		});
	}

	@Test
	void propertiesShapeTheSettings() {
		this.runner
			.withPropertyValues("faircom.mq.client-name=billing-7", "faircom.mq.binary-format=hex",
					"faircom.mq.reply-topic-prefix=answers", "faircom.mq.listener.temporary-session=true",
					"faircom.mq.listener.concurrency=4", "faircom.mq.listener.max-messages=50",
					"faircom.mq.listener.min-poll-interval=5ms", "faircom.mq.listener.max-poll-interval=2s",
					"faircom.mq.listener.poll-backoff-multiplier=3", "faircom.mq.listener.max-attempts=5",
					"faircom.mq.listener.retry-backoff=100ms", "faircom.mq.listener.dead-letter-topic=",
					"faircom.mq.listener.shutdown-timeout=5s", "faircom.mq.listener.auto-startup=false")
			.run((context) -> {
				MqSettings settings = context.getBean(MqSettings.class);
				assertThat(settings.clientName()).isEqualTo("billing-7");
				assertThat(settings.binaryFormat()).isEqualTo(MqPayloadFormat.HEX);
				assertThat(settings.replyTopicPrefix()).isEqualTo("answers");
				MqListenerContainerSettings listener = context.getBean(DefaultMqListenerContainerFactory.class)
					.getSettings();
				assertThat(listener.clientNamePrefix()).isEqualTo("billing-7");
				assertThat(listener.temporarySession()).isTrue();
				assertThat(listener.concurrency()).isEqualTo(4);
				assertThat(listener.maxMessages()).isEqualTo(50);
				assertThat(listener.polling().maxInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(listener.polling().multiplier()).isEqualTo(3.0);
				assertThat(listener.maxAttempts()).isEqualTo(5);
				assertThat(listener.retryBackoff()).isEqualTo(Duration.ofMillis(100));
				assertThat(listener.deadLetterTopic()).as("empty: dead letters are dropped").isNull();
				assertThat(listener.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(listener.autoStartup()).isFalse();
			});
	}

	@Test
	void registersAContainerPerAnnotatedMethodWithPlaceholdersResolved() {
		this.runner.withUserConfiguration(Listeners.class)
			.withPropertyValues("faircom.mq.listener.auto-startup=false", "billing.group=billing", "billing.threads=3")
			.run((context) -> {
				MqListenerContainerRegistry registry = context.getBean(MqListenerContainerRegistry.class);
				assertThat(registry.getListenerContainers()).hasSize(2);
				MqListenerContainer billing = registry.getListenerContainer("billing");
				assertThat(billing.getClientName()).isEqualTo("orders-node1-billing");
				assertThat(billing.getConcurrency()).isEqualTo(3);
				assertThat(billing.getEndpoint().subscriptions()).extracting(MqSubscription::topicFilter)
					.containsExactly("$share/billing/orders/+/created", "$share/billing/orders/+/changed");
				assertThat(billing.getEndpoint().payloadType()).isEqualTo(String.class);
				assertThat(billing.isRunning()).isFalse();
				MqListenerContainer audit = registry.getListenerContainers()
					.stream()
					.filter((container) -> container.getId().endsWith("Listeners.audit"))
					.findFirst()
					.orElseThrow();
				assertThat(audit.getClientName()).isEqualTo("audit-session");
				assertThat(audit.getEndpoint().subscriptions()).extracting(MqSubscription::topicFilter)
					.containsExactly("orders/#");
				assertThat(audit.getEndpoint().payloadType()).isEqualTo(JsonNode.class);
			});
	}

	@Test
	void metersWhereAMeterRegistryIsPresent() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerMqListenerMetrics.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnFactoryOrSettings() {
		this.runner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(MqListenerContainerFactory.class);
			assertThat(context.getBean(MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME,
					DefaultMqListenerContainerFactory.class)
				.getSettings()
				.clientNamePrefix()).as("the application's factory").isEqualTo("faircom-client");
			assertThat(context.getBean(FairComTemplate.class).mq().getClientName()).isEqualTo("own");
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("faircom.mq.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MqListenerContainerRegistry.class).doesNotHaveBean(MqSettings.class);
			assertThat(context.getBean(FairComTemplate.class).mq()).isNotNull();
		});
	}

	@Test
	void failsOnImpossibleSettingsNamingTheProperty() {
		assertInvalidValue("faircom.mq.binary-format=utf8", "faircom.mq.binary-format");
		assertInvalidValue("faircom.mq.listener.concurrency=0", "faircom.mq.listener.concurrency");
		assertInvalidValue("faircom.mq.listener.max-messages=0", "faircom.mq.listener.max-messages");
		assertInvalidValue("faircom.mq.listener.max-messages=10001", "faircom.mq.listener.max-messages");
		assertInvalidValue("faircom.mq.listener.max-attempts=0", "faircom.mq.listener.max-attempts");
		assertInvalidValue("faircom.mq.listener.min-poll-interval=-1ms", "faircom.mq.listener.min-poll-interval");
		assertInvalidValue("faircom.mq.listener.max-poll-interval=1ms", "faircom.mq.listener.max-poll-interval");
		assertInvalidValue("faircom.mq.listener.poll-backoff-multiplier=0.5",
				"faircom.mq.listener.poll-backoff-multiplier");
		assertInvalidValue("faircom.mq.listener.retry-backoff=-1s", "faircom.mq.listener.retry-backoff");
		assertInvalidValue("faircom.mq.listener.shutdown-timeout=0s", "faircom.mq.listener.shutdown-timeout");
		assertInvalidValue("faircom.mq.listener.dead-letter-topic=dead/#", "faircom.mq.listener.dead-letter-topic");
	}

	private void assertInvalidValue(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(name));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		@FairComMqListener(id = "billing", topics = { "orders/+/created", "orders/+/changed" },
				group = "${billing.group}", concurrency = "${billing.threads}")
		void bill(String order) {
		}

		@FairComMqListener(topics = "orders/#", clientName = "audit-session")
		void audit(MqMessage<JsonNode> message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		MqSettings ownMqSettings() {
			return MqSettings.builder().clientName("own").build();
		}

		@Bean(MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME)
		MqListenerContainerFactory ownFactory(FairComTemplate template) {
			return new DefaultMqListenerContainerFactory(template.mq(), MqListenerContainerSettings.builder().build());
		}

	}

}
