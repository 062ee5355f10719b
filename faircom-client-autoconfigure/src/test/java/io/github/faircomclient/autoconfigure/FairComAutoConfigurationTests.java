package io.github.faircomclient.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.system.JavaVersion;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.observation.DefaultFairComRequestObservationConvention;
import io.github.faircomclient.observation.DefaultFairComSessionObservationConvention;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.FairComSessionCreatedEvent;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.session.TokenAuthentication;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static io.github.faircomclient.testsupport.FairComAnswers.session;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;

/**
 * Tests for {@link FairComAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FairComAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class));

	private final ApplicationContextRunner configured = this.runner.withPropertyValues(
			"faircom.url=http://faircom.test:8080/api", "faircom.username=app", "faircom.password=secret");

	@Test
	void createsTheTemplateFromTheProperties() {
		this.configured.run((context) -> {
			assertThat(context).hasSingleBean(FairComTemplate.class)
				.hasSingleBean(FairComConnectionDetails.class)
				.hasSingleBean(FairComProperties.class);
			assertThat(context.getBean(FairComAuthentication.class)).isInstanceOf(PasswordAuthentication.class);
			FairComTemplate template = context.getBean(FairComTemplate.class);
			assertThat(template.getUrl()).isEqualTo(URI.create("http://faircom.test:8080/api"));
			assertThat(template.getSessionManager().getCurrentSession()).as("lazy login by default").isNull();
		});
	}

	@Test
	void virtualThreadsFollowSpringThreadsVirtualEnabledOnJava21AndLater() {
		boolean java21 = JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE);
		this.configured.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			FairComTemplateBuilder builder = spy(FairComTemplate.builder());
			context.getBean(FairComTemplateBuilderConfigurer.class).configure(builder);
			verify(builder).virtualThreads(java21);
		});
		this.configured.withPropertyValues("spring.threads.virtual.enabled=false").run((context) -> {
			FairComTemplateBuilder builder = spy(FairComTemplate.builder());
			context.getBean(FairComTemplateBuilderConfigurer.class).configure(builder);
			verify(builder).virtualThreads(false);
			assertThat(context.getBean(FairComTemplate.class).admin()).isNotNull();
		});
	}

	@Test
	void templateBuilderIsAPrototypeWithEverySettingButTheConnection() {
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		List<FairComSessionCreatedEvent> events = new CopyOnWriteArrayList<>();
		this.runner
			.withPropertyValues("faircom.retry.max-attempts=5", "faircom.session.default-database=sales",
					"faircom.session.description=reports", "faircom.session.default-debug=max")
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.withBean(ApplicationListener.class,
					() -> (ApplicationListener<FairComSessionCreatedEvent>) events::add)
			.withUserConfiguration(UserTemplateConfiguration.class)
			.run((context) -> {
				FairComTemplateBuilder builder = context.getBean(FairComTemplateBuilder.class);
				assertThat(builder).isNotSameAs(context.getBean(FairComTemplateBuilder.class));
				assertThatExceptionOfType(FairComConfigurationException.class).isThrownBy(builder::build)
					.withMessageContaining("faircom.url");
				try (FairComTemplate reporting = builder.url("http://reporting.test/api")
					.credentials("reporter", "secret")
					.build()) {
					assertThat(reporting.getRetrySettings().getMaxAttempts()).isEqualTo(5);
					server.get()
						.expect(jsonPath("$.action").value("createSession"))
						.andExpect(jsonPath("$.params.username").value("reporter"))
						.andExpect(jsonPath("$.params.description").value("reports"))
						.andExpect(jsonPath("$.params.defaultDatabaseName").value("sales"))
						.andExpect(jsonPath("$.params.defaultDebug").value("max"))
						.andRespond(session("T1"));
					server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
					reporting.execute("db", "listTables", null);
					server.get().verify();
					server.get().reset();
					server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
				}
				server.get().verify();
			});
		assertThat(events).as("sessions of templates built from the bean are application events").hasSize(1);
	}

	@Test
	void urlWithoutPathGetsApi() {
		this.runner.withPropertyValues("faircom.url=http://faircom.test:8080", "faircom.username=app")
			.run((context) -> assertThat(context.getBean(FairComTemplate.class).getUrl())
				.isEqualTo(URI.create("http://faircom.test:8080/api")));
	}

	@Test
	void permanentTokenSelectsTokenAuthentication() {
		this.runner.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.session.token=API-KEY")
			.run((context) -> assertThat(context.getBean(FairComAuthentication.class))
				.isInstanceOf(TokenAuthentication.class));
	}

	@Test
	void backsOffWithoutHttpClient5() {
		this.configured.withClassLoader(new FilteredClassLoader(HttpClients.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTemplate.class)
				.doesNotHaveBean(FairComConnectionDetails.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.configured.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTemplate.class)
				.doesNotHaveBean(FairComProperties.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnTemplate() {
		this.configured.withUserConfiguration(UserTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(FairComOperations.class);
			assertThat(context).getBean("userTemplate").isSameAs(context.getBean(FairComOperations.class));
		});
	}

	@Test
	void userTemplateNeedsNoFairComProperties() {
		this.runner.withUserConfiguration(UserTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(FairComOperations.class);
			assertThat(context).doesNotHaveBean(FairComConnectionDetails.class)
				.doesNotHaveBean(FairComAuthentication.class);
		});
	}

	@Test
	void usesConnectionDetailsAndAuthenticationFromTheApplication() {
		FairComAuthentication authentication = mock(FairComAuthentication.class);
		this.runner
			.withBean(FairComConnectionDetails.class, () -> () -> URI.create("http://emulator.test:9999/api"))
			.withBean(FairComAuthentication.class, () -> authentication)
			.run((context) -> {
				assertThat(context).hasSingleBean(FairComConnectionDetails.class)
					.doesNotHaveBean(PropertiesFairComConnectionDetails.class);
				assertThat(context.getBean(FairComAuthentication.class)).isSameAs(authentication);
				assertThat(context.getBean(FairComTemplate.class).getUrl())
					.isEqualTo(URI.create("http://emulator.test:9999/api"));
			});
	}

	@Test
	void exposesNoGenericInfrastructureBeans() {
		this.configured.run((context) -> assertThat(context).doesNotHaveBean(RestClient.class)
			.doesNotHaveBean(RestClient.Builder.class)
			.doesNotHaveBean(ClientHttpRequestFactory.class)
			.doesNotHaveBean(TaskScheduler.class)
			.doesNotHaveBean(JsonMapper.class)
			.doesNotHaveBean(ObjectMapper.class));
	}

	@Test
	void appliesOnlyFairComCustomizersNeverBootsRestClientCustomizers() {
		AtomicInteger bootCustomizations = new AtomicInteger();
		AtomicInteger fairComCustomizations = new AtomicInteger();
		this.configured
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
			.withBean(RestClientCustomizer.class, () -> (builder) -> bootCustomizations.incrementAndGet())
			.withBean(FairComRestClientCustomizer.class, () -> (builder) -> fairComCustomizations.incrementAndGet())
			.run((context) -> {
				assertThat(context).hasSingleBean(FairComTemplate.class);
				assertThat(fairComCustomizations.get()).isOne();
				assertThat(bootCustomizations.get()).isZero();
				context.getBean(RestClient.Builder.class);
				assertThat(bootCustomizations.get()).as("Boot's own builder still gets them").isOne();
			});
	}

	@Test
	void actionsSessionEventsAndHttpCallsAreObservedWithTheContextsObservationRegistry() {
		List<String> observations = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = recordingRegistry(observations);
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		this.configured.withBean(ObservationRegistry.class, () -> registry)
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.run((context) -> {
				server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
				server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
				context.getBean(FairComTemplate.class).execute("db", "listTables", null);
				server.get().reset();
				server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
			});
		assertThat(observations).containsExactly("http.client.requests", "faircom.client.sessions",
				"http.client.requests", "faircom.client.requests", "http.client.requests", "faircom.client.sessions");
	}

	@Test
	void observationConventionBeansReplaceTheDefaults() {
		List<String> observations = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = recordingRegistry(observations);
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		this.configured.withBean(ObservationRegistry.class, () -> registry)
			.withBean(FairComRequestObservationConvention.class,
					() -> new DefaultFairComRequestObservationConvention("orders.faircom.calls"))
			.withBean(FairComSessionObservationConvention.class,
					() -> new DefaultFairComSessionObservationConvention("orders.faircom.sessions"))
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.run((context) -> {
				server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
				server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{}"));
				context.getBean(FairComTemplate.class).execute("db", "listTables", null);
				server.get().reset();
				server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
			});
		assertThat(observations).contains("orders.faircom.calls", "orders.faircom.sessions")
			.doesNotContain("faircom.client.requests", "faircom.client.sessions");
	}

	@Test
	void withoutObservationRegistryTheTemplateWorksUnobserved() {
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		this.configured
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationRegistry.class);
				server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
				server.get().expect(jsonPath("$.action").value("listTables")).andRespond(success("{\"n\":1}"));
				assertThat(context.getBean(FairComTemplate.class).execute("db", "listTables", null).result().get("n")
					.intValue()).isOne();
				server.get().reset();
				server.get().expect(jsonPath("$.action").value("deleteSession")).andRespond(success("{}"));
			});
	}

	private static ObservationRegistry recordingRegistry(List<String> observations) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observations.add(context.getName());
			}

		});
		return registry;
	}

	@Test
	void dependentBeanCanStillCallTheTemplateInItsPreDestroy() {
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		AtomicReference<FairComResponse> answerDuringShutdown = new AtomicReference<>();
		this.configured
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.withBean("answerDuringShutdown", AtomicReference.class, () -> answerDuringShutdown)
			.withUserConfiguration(ShutdownCallerConfiguration.class)
			.run((context) -> {
				server.get().expect(jsonPath("$.action").value("createSession")).andRespond(session("T1"));
				server.get()
					.expect(jsonPath("$.action").value("listTables"))
					.andExpect(jsonPath("$.authToken").value("T1"))
					.andRespond(success("{\"during\":\"shutdown\"}"));
				server.get()
					.expect(jsonPath("$.action").value("deleteSession"))
					.andExpect(jsonPath("$.authToken").value("T1"))
					.andRespond(success("{}"));
			});
		server.get().verify();
		assertThat(answerDuringShutdown.get().result().get("during").stringValue()).isEqualTo("shutdown");
	}

	@Test
	void switchingHostnameVerificationOffLogsAWarning(CapturedOutput output) {
		this.runner
			.withPropertyValues("faircom.url=https://faircom.test:8443/api", "faircom.session.token=API-KEY",
					"faircom.ssl.verify-hostname=false")
			.run((context) -> assertThat(context).hasSingleBean(FairComTemplate.class));
		assertThat(output).contains("Host name verification is switched off for FairCom server");
	}

	@Test
	void defaultDescriptionNamesTheApplicationAndTheHost() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "orders");
		assertThat(FairComConfigurations.TemplateBuilderConfiguration.defaultDescription(environment))
			.startsWith("orders");
		assertThat(FairComConfigurations.TemplateBuilderConfiguration.defaultDescription(new MockEnvironment()))
			.startsWith("faircom-client");
	}

	@Test
	void failsWithoutUrl() {
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.username=app"), "faircom.url",
				"no FairCom server is configured");
	}

	@Test
	void failsOnMalformedUrls() {
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=not a url", "faircom.username=app"),
				"faircom.url=not a url: it is not a valid URL", "Illegal character in path at index 3");
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=ftp://host/api", "faircom.username=app"),
				"faircom.url", "http:// or https://");
		assertConfigurationFailure(
				this.runner.withPropertyValues("faircom.url=http://app:hunter2@host/api", "faircom.username=app"),
				"faircom.url", "credentials");
	}

	@Test
	void anUnparsableUrlWithCredentialsDoesNotLeakThemThroughTheCause() {
		assertConfigurationFailure(
				this.runner.withPropertyValues("faircom.url=https://app:hunter2 x@host/api", "faircom.username=app"),
				"faircom.url", "not a valid URL");
		this.runner.withPropertyValues("faircom.url=https://app:hunter2 x@host/api", "faircom.username=app")
			.run((context) -> {
				StringWriter trace = new StringWriter();
				context.getStartupFailure().printStackTrace(new PrintWriter(trace));
				assertThat(trace.toString()).contains("faircom.url=https://******@host/api: it is not a valid URL")
					.doesNotContain("hunter2");
			});
	}

	@Test
	void failsOnUnknownSslBundle() {
		assertConfigurationFailure(
				this.configured.withPropertyValues("faircom.url=https://faircom.test:8443/api",
						"faircom.ssl.bundle=missing"),
				"faircom.ssl.bundle=missing", "there is no SSL bundle of that name");
	}

	@Test
	void failsOnPasswordWithoutUsername() {
		assertConfigurationFailure(
				this.runner.withPropertyValues("faircom.url=http://faircom.test/api", "faircom.password=secret"),
				"faircom.username", "faircom.password is set");
	}

	@Test
	void failsOnTokenTogetherWithCredentials() {
		this.configured.withPropertyValues("faircom.session.token=API-KEY").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(FairComConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("faircom.session.token"))
				.hasMessageContaining("faircom.username")
				.hasMessageNotContaining("API-KEY")
				.hasMessageNotContaining("secret");
		});
	}

	@Test
	void blankCredentialsCountAsUnset() {
		this.runner.withPropertyValues("faircom.url=http://faircom.test/api", "faircom.username=", "faircom.password=",
				"faircom.session.token=API-KEY")
			.run((context) -> assertThat(context.getBean(FairComAuthentication.class))
				.isInstanceOf(TokenAuthentication.class));
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=http://faircom.test/api",
				"faircom.username= ", "faircom.password="), "faircom.username",
				"client-certificate login needs an https url");
	}

	@Test
	void unresolvedPlaceholdersFailNamingThePropertyAndThePlaceholder() {
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=${FAIRCOM_URL}", "faircom.username=app"),
				"faircom.url", "unresolved placeholder ${FAIRCOM_URL}");
		assertConfigurationFailure(this.configured.withPropertyValues("faircom.password=${FAIRCOM_PASSWORD}"),
				"faircom.password", "unresolved placeholder ${FAIRCOM_PASSWORD}");
		assertConfigurationFailure(this.configured.withPropertyValues("faircom.username=${FAIRCOM_USER}"),
				"faircom.username", "unresolved placeholder ${FAIRCOM_USER}");
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=http://faircom.test/api",
				"faircom.session.token=${FAIRCOM_TOKEN}"), "faircom.session.token",
				"unresolved placeholder ${FAIRCOM_TOKEN}");
		assertConfigurationFailure(this.configured.withPropertyValues("faircom.session.description=${APP}"),
				"faircom.session.description", "unresolved placeholder ${APP}");
		this.configured.withPropertyValues("faircom.password=${FAIRCOM_PASSWORD:secret}")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsWithoutCredentialsOnHttp() {
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=http://faircom.test/api"),
				"faircom.username", "client-certificate login needs an https url");
	}

	@Test
	void failsWithoutCredentialsAndWithoutSslBundleOnHttps() {
		assertConfigurationFailure(this.runner.withPropertyValues("faircom.url=https://faircom.test/api"),
				"faircom.username", "no SSL bundle with a client certificate");
	}

	@Test
	void failsOnNonPositiveTimeoutsAndPoolSizes() {
		assertInvalidValue("faircom.connect-timeout=0s", "faircom.connect-timeout");
		assertInvalidValue("faircom.read-timeout=-1s", "faircom.read-timeout");
		assertInvalidValue("faircom.call-timeout=0s", "faircom.call-timeout");
		assertInvalidValue("faircom.pool.acquire-timeout=-5s", "faircom.pool.acquire-timeout");
		assertInvalidValue("faircom.pool.max-connections=0", "faircom.pool.max-connections");
		assertInvalidValue("faircom.session.idle-timeout=-5s", "faircom.session.idle-timeout");
		assertInvalidValue("faircom.session.cursor-idle-timeout=-2s", "faircom.session.cursor-idle-timeout");
		assertInvalidValue("faircom.max-response-values=0", "faircom.max-response-values");
		assertInvalidValue("faircom.max-response-size=0B", "faircom.max-response-size");
	}

	@Test
	void acceptsFairComsSessionTimeoutMeanings() {
		this.configured.withPropertyValues("faircom.session.idle-timeout=0", "faircom.session.cursor-idle-timeout=-1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(FairComTemplate.class));
	}

	private void assertInvalidValue(String property, String name) {
		this.configured.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(FairComConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo(name);
					assertThat(ex.getValue()).isEqualTo(property.substring(property.indexOf('=') + 1));
					assertThat(ex.getMessage()).contains(property).endsWith(".").doesNotContain("..");
				});
		});
	}

	private static void assertConfigurationFailure(ApplicationContextRunner runner, String property, String reason) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), FairComConfigurationException.class))
				.isNotNull()
				.satisfies((ex) -> {
					assertThat(property).startsWith(ex.getProperty());
					assertThat(ex.getMessage()).contains(property).contains(reason).doesNotContain("hunter2")
						.endsWith(".")
						.doesNotContain("..");
					assertThat(ex.getAction()).isNotBlank();
				});
		});
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@Bean
		FairComTemplate userTemplate() {
			return FairComTemplate.builder().url("http://user.test/api").token("USER").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShutdownCallerConfiguration {

		@Bean
		@SuppressWarnings("unchecked")
		ShutdownCaller shutdownCaller(FairComTemplate template, AtomicReference<?> answerDuringShutdown) {
			return new ShutdownCaller(template, (AtomicReference<FairComResponse>) answerDuringShutdown);
		}

	}

	static class ShutdownCaller {

		private final FairComTemplate template;

		private final AtomicReference<FairComResponse> answer;

		ShutdownCaller(FairComTemplate template, AtomicReference<FairComResponse> answer) {
			this.template = template;
			this.answer = answer;
		}

		@PreDestroy
		void callWhileShuttingDown() {
			this.answer.set(this.template.execute("db", "listTables", null));
		}

	}

}
