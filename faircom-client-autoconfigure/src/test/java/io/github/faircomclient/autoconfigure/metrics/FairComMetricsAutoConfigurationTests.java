package io.github.faircomclient.autoconfigure.metrics;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.client.MockRestServiceServer;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.actuate.FairComSanitizingAutoConfiguration;
import io.github.faircomclient.autoconfigure.health.FairComHealthContributorAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.metrics.FairComSessionMeterBinder;

import static io.github.faircomclient.testsupport.FairComAnswers.error;
import static io.github.faircomclient.testsupport.FairComAnswers.session;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;

/**
 * Tests for {@link FairComMetricsAutoConfiguration} and for the timers Boot's metrics
 * derive from the client's observations.
 */
class FairComMetricsAutoConfigurationTests {

	private final AtomicReference<MockRestServiceServer> server = new AtomicReference<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				FairComMetricsAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret")
		.withBean(FairComRestClientCustomizer.class,
				() -> (builder) -> this.server.set(MockRestServiceServer.bindTo(builder).build()));

	private final ApplicationContextRunner withActuator = this.runner.withConfiguration(
			AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void liveSessionGaugeFollowsTheTemplatesSession() {
		this.withActuator.run((context) -> {
			assertThat(context).hasSingleBean(FairComSessionMeterBinder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("faircom.client.sessions.live").tag("name", "fairComTemplate").gauge().value())
				.isZero();
			this.server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
			this.server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
			this.server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
			context.getBean(FairComTemplate.class).execute("db", "listTables", null);
			assertThat(registry.get("faircom.client.sessions.live").gauge().value()).isOne();
			context.getBean(FairComTemplate.class).destroy();
			assertThat(registry.get("faircom.client.sessions.live").gauge().value()).isZero();
		});
	}

	@Test
	void observationsBecomeTimersTaggedWithApiActionOutcomeAndErrorCode() {
		this.withActuator.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			FairComTemplate template = context.getBean(FairComTemplate.class);
			this.server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
			this.server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
			this.server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
			this.server.get().expect(jsonPath("$.action").value("insertRecords")).andRespond(error(2, "duplicate"));
			this.server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
			template.execute("db", "listTables", null);
			template.execute("db", "listTables", null);
			assertThatExceptionOfType(FairComApiException.class)
				.isThrownBy(() -> template.execute("db", "insertRecords", null));
			Timer listTables = registry.get("faircom.client.requests")
				.tags("faircom.api", "db", "faircom.action", "listTables", "outcome", "SUCCESS", "faircom.error.code",
						"0", "error", "none")
				.timer();
			assertThat(listTables.count()).isEqualTo(2);
			Timer insert = registry.get("faircom.client.requests")
				.tags("faircom.action", "insertRecords", "outcome", "API_ERROR", "faircom.error.code", "2", "error",
						"FairComDuplicateKeyException")
				.timer();
			assertThat(insert.count()).isOne();
			assertThat(registry.get("faircom.client.requests").timers()).hasSize(2);
			assertThat(registry.get("faircom.client.sessions")
				.tags("faircom.session.event", "login", "outcome", "SUCCESS")
				.timer()
				.count()).isOne();
			assertThat(registry.get("http.client.requests").timers()).isNotEmpty();
		});
	}

	@Test
	void noGaugeWithoutAMeterRegistryBean() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasSingleBean(FairComTemplate.class)
				.doesNotHaveBean(FairComSessionMeterBinder.class));
	}

	@Test
	void noGaugeWithoutTemplate() {
		this.withActuator.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(FairComSessionMeterBinder.class));
	}

	@Test
	void applicationsOwnBinderWins() {
		this.withActuator.withBean("ownBinder", FairComSessionMeterBinder.class,
				() -> new FairComSessionMeterBinder(java.util.Map.of()))
			.run((context) -> assertThat(context).getBean(FairComSessionMeterBinder.class)
				.isSameAs(context.getBean("ownBinder")));
	}

	/**
	 * Without Actuator's modules on the classpath the auto-configurations that need them
	 * are filtered out before their conditions are read, as in an application: through
	 * the auto-configuration import selector and the generated
	 * {@code spring-autoconfigure-metadata.properties}.
	 */
	@Test
	void worksWithoutMicrometerCoreOrActuator() {
		new ApplicationContextRunner().withUserConfiguration(AllFairComAutoConfigurations.class)
			.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
					"faircom.password=secret")
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> this.server.set(MockRestServiceServer.bindTo(builder).build()))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.health",
					"org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(FairComTemplate.class)
					.doesNotHaveBean(FairComSessionMeterBinder.class)
					.doesNotHaveBean("faircomHealthContributor")
					.doesNotHaveBean("fairComSanitizingFunction");
				this.server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
				this.server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
				this.server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
				assertThat(context.getBean(FairComTemplate.class).execute("db", "listTables", null).isSuccess())
					.isTrue();
			});
	}

	@Test
	void withActuatorEverythingIsThere() {
		this.withActuator.withConfiguration(AutoConfigurations.of(FairComSanitizingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(FairComSessionMeterBinder.class)
				.hasBean("faircomHealthContributor")
				.hasBean("fairComSanitizingFunction")
				.hasSingleBean(ObservationRegistry.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComAutoConfiguration.class,
			FairComMetricsAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class,
			FairComSanitizingAutoConfiguration.class })
	static class AllFairComAutoConfigurations {

	}

}
