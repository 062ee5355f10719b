package io.github.faircomclient.autoconfigure.metrics;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.metrics.FairComSessionMeterBinder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the live-session gauge
 * ({@value FairComSessionMeterBinder#LIVE_SESSIONS}) of every {@link FairComTemplate}
 * bean. Only where Micrometer's {@link MeterRegistry} is on the classpath and in the
 * context; the timers of actions and session events come from the observations.
 */
@AutoConfiguration(after = FairComAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, FairComTemplate.class })
@ConditionalOnBean({ MeterRegistry.class, FairComTemplate.class })
public final class FairComMetricsAutoConfiguration {

	FairComMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FairComSessionMeterBinder fairComSessionMeterBinder(Map<String, FairComTemplate> templates) {
		return new FairComSessionMeterBinder(templates);
	}

}
