package io.github.faircomclient.autoconfigure.mq;

import java.net.InetAddress;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.health.MqListenerHealthDetailsContributor;
import io.github.faircomclient.metrics.MicrometerMqListenerMetrics;
import io.github.faircomclient.mq.MqPolling;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.mq.listener.DefaultMqListenerContainerFactory;
import io.github.faircomclient.mq.listener.EnableFairComMq;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.mq.listener.MqListenerContainerSettings;
import io.github.faircomclient.mq.listener.MqListenerMetrics;
import io.github.faircomclient.observation.MqProcessObservationConvention;
import io.github.faircomclient.observation.MqPublishObservationConvention;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of FairCom MQ messaging on the {@link FairComTemplate}: the
 * template's {@link MqSettings} from {@code faircom.mq.*}, the listener container factory
 * {@value MqListenerContainerRegistry#DEFAULT_FACTORY_BEAN_NAME} on {@code template.mq()},
 * {@link EnableFairComMq} ({@code @FairComMqListener} methods), Micrometer meters of the
 * containers when a {@code MeterRegistry} is present, and the containers in the
 * {@code faircom} health. Everything backs off when the application defines its own;
 * {@code faircom.mq.enabled=false} switches it off.
 */
@AutoConfiguration(after = FairComAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(FairComTemplate.class)
@ConditionalOnBean(FairComTemplate.class)
@ConditionalOnBooleanProperty(name = "faircom.mq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FairComMqProperties.class)
public final class FairComMqAutoConfiguration {

	FairComMqAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	MqSettings fairComMqSettings(FairComMqProperties properties, Environment environment,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<MqPublishObservationConvention> convention) {
		if (!properties.getBinaryFormat().isBinary()) {
			throw new InvalidConfigurationPropertyValueException("faircom.mq.binary-format",
					properties.getBinaryFormat(), "byte[] payloads travel as hex or base64.");
		}
		MqSettings.Builder builder = MqSettings.builder()
			.clientName(clientName(properties, environment))
			.binaryFormat(properties.getBinaryFormat())
			.replyTopicPrefix(properties.getReplyTopicPrefix())
			.observationConvention(convention.getIfAvailable());
		jsonMapper.ifAvailable(builder::jsonMapper);
		return builder.build();
	}

	@Bean(MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = MqListenerContainerRegistry.DEFAULT_FACTORY_BEAN_NAME)
	DefaultMqListenerContainerFactory fairComMqListenerContainerFactory(FairComTemplate template,
			FairComMqProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MqProcessObservationConvention> convention, ObjectProvider<MqListenerMetrics> metrics) {
		DefaultMqListenerContainerFactory factory = new DefaultMqListenerContainerFactory(template.mq(),
				containerSettings(properties.getListener(), template.mq().getClientName()));
		factory.setObservationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		factory.setObservationConvention(convention.getIfAvailable());
		factory.setMetrics(metrics.getIfAvailable(() -> MqListenerMetrics.NONE));
		return factory;
	}

	static MqListenerContainerSettings containerSettings(FairComMqProperties.Listener listener, String clientName) {
		check("faircom.mq.listener.concurrency", listener.getConcurrency(), listener.getConcurrency() >= 1,
				"A container needs at least 1 thread.");
		check("faircom.mq.listener.max-messages", listener.getMaxMessages(),
				listener.getMaxMessages() >= 1 && listener.getMaxMessages() <= 10000, "A read takes 1 to 10000 messages.");
		check("faircom.mq.listener.max-attempts", listener.getMaxAttempts(), listener.getMaxAttempts() >= 1,
				"A message needs at least 1 attempt; set 1 for no retries.");
		Duration min = listener.getMinPollInterval();
		Duration max = listener.getMaxPollInterval();
		check("faircom.mq.listener.min-poll-interval", min, min != null && !min.isNegative(),
				"The pause must be 0 or positive, for example 10ms.");
		check("faircom.mq.listener.max-poll-interval", max, max != null && max.compareTo(min) >= 0,
				"The longest pause must not be below faircom.mq.listener.min-poll-interval.");
		check("faircom.mq.listener.poll-backoff-multiplier", listener.getPollBackoffMultiplier(),
				listener.getPollBackoffMultiplier() >= 1.0 && !Double.isInfinite(listener.getPollBackoffMultiplier()),
				"The multiplier must be a number of at least 1, for example 2.");
		Duration retryBackoff = listener.getRetryBackoff();
		check("faircom.mq.listener.retry-backoff", retryBackoff, retryBackoff != null && !retryBackoff.isNegative(),
				"The pause between attempts must be 0 or positive.");
		Duration shutdown = listener.getShutdownTimeout();
		check("faircom.mq.listener.shutdown-timeout", shutdown,
				shutdown != null && !shutdown.isNegative() && !shutdown.isZero(), "The timeout must be positive, e.g. 30s.");
		String deadLetterTopic = listener.getDeadLetterTopic();
		check("faircom.mq.listener.dead-letter-topic", deadLetterTopic,
				deadLetterTopic == null || (deadLetterTopic.indexOf('+') < 0 && deadLetterTopic.indexOf('#') < 0
						&& !deadLetterTopic.equals(MqListenerContainerSettings.TOPIC_PLACEHOLDER)),
				"The dead-letter topic is a topic name without + and #, different from {topic} alone.");
		return MqListenerContainerSettings.builder()
			.clientNamePrefix(clientName)
			.temporarySession(listener.isTemporarySession())
			.concurrency(listener.getConcurrency())
			.maxMessages(listener.getMaxMessages())
			.polling(new MqPolling(min, max, listener.getPollBackoffMultiplier()))
			.maxAttempts(listener.getMaxAttempts())
			.retryBackoff(retryBackoff)
			.deadLetterTopic(deadLetterTopic)
			.shutdownTimeout(shutdown)
			.autoStartup(listener.isAutoStartup())
			.build();
	}

	private static void check(String property, @Nullable Object value, boolean valid, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException(property, value, reason);
		}
	}

	static String clientName(FairComMqProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getClientName())) {
			return properties.getClientName();
		}
		String application = environment.getProperty("spring.application.name", "application");
		String instance = StringUtils.hasText(properties.getInstance()) ? properties.getInstance() : hostName();
		return (instance != null) ? application + "-" + instance : application;
	}

	private static @Nullable String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return null;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(MqListenerContainerRegistry.class)
	@EnableFairComMq
	static class EnableFairComMqConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(MqListenerMetrics.class)
		MicrometerMqListenerMetrics fairComMqListenerMetrics(MeterRegistry meterRegistry) {
			return new MicrometerMqListenerMetrics(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MqListenerHealthDetailsContributor fairComMqListenerHealthDetails(MqListenerContainerRegistry registry) {
			return new MqListenerHealthDetailsContributor(registry);
		}

	}

}
