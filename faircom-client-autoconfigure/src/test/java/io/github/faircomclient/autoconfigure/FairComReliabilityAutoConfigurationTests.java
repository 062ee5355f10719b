package io.github.faircomclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the retry and SSL-reload parts of {@link FairComAutoConfiguration}:
 * {@code faircom.retry.*}, {@code faircom.max-response-size} and following a bundle with
 * {@code reload-on-update}.
 */
class FairComReliabilityAutoConfigurationTests {

	private final ApplicationContextRunner configured = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FairComAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret");

	@Test
	void retriesUseTheDefaultsWithoutProperties() {
		this.configured.run((context) -> assertThat(context.getBean(FairComTemplate.class).getRetrySettings())
			.usingRecursiveComparison()
			.isEqualTo(FairComRetrySettings.defaults()));
	}

	@Test
	void retryPropertiesAreBound() {
		this.configured
			.withPropertyValues("faircom.retry.enabled=false", "faircom.retry.max-attempts=5",
					"faircom.retry.initial-backoff=50ms", "faircom.retry.max-backoff=5s",
					"faircom.retry.multiplier=3", "faircom.retry.max-retry-after=0")
			.run((context) -> {
				FairComRetrySettings settings = context.getBean(FairComTemplate.class).getRetrySettings();
				assertThat(settings.isEnabled()).isFalse();
				assertThat(settings.getMaxAttempts()).isEqualTo(5);
				assertThat(settings.getInitialBackoff()).isEqualTo(Duration.ofMillis(50));
				assertThat(settings.getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.getMultiplier()).isEqualTo(3.0);
				assertThat(settings.getMaxRetryAfter()).isZero();
			});
	}

	@Test
	void invalidRetryPropertiesFailTheStartupNamingTheProperty() {
		assertInvalid("faircom.retry.max-attempts=0", "faircom.retry.max-attempts", "at least 1");
		assertInvalid("faircom.retry.initial-backoff=0", "faircom.retry.initial-backoff", "positive");
		assertInvalid("faircom.retry.max-backoff=-1s", "faircom.retry.max-backoff", "positive");
		assertInvalid("faircom.retry.max-backoff=10ms", "faircom.retry.max-backoff", "faircom.retry.initial-backoff");
		assertInvalid("faircom.retry.multiplier=0.5", "faircom.retry.multiplier", "at least 1");
		assertInvalid("faircom.retry.multiplier=NaN", "faircom.retry.multiplier", "at least 1");
		assertInvalid("faircom.retry.max-retry-after=-1s", "faircom.retry.max-retry-after",
				"0 (never wait for a Retry-After)");
		assertInvalid("faircom.max-response-size=0", "faircom.max-response-size", "positive");
	}

	private void assertInvalid(String property, String name, String reason) {
		this.configured.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(FairComConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo(name);
					assertThat(ex.getReason()).contains(reason);
				});
		});
	}

	@Test
	void followsTheBundleWhenItReloadsOnUpdate() {
		https().withPropertyValues("spring.ssl.bundle.pem.faircom.reload-on-update=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordingBundles.class).followed).containsExactly("faircom");
		});
		https().withPropertyValues("spring.ssl.bundle.jks.faircom.reload-on-update=true")
			.run((context) -> assertThat(context.getBean(RecordingBundles.class).followed).containsExactly("faircom"));
	}

	@Test
	void doesNotFollowABundleThatDoesNotReload() {
		https().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordingBundles.class).followed).isEmpty();
		});
		https().withPropertyValues("spring.ssl.bundle.pem.other.reload-on-update=true")
			.run((context) -> assertThat(context.getBean(RecordingBundles.class).followed).isEmpty());
	}

	private ApplicationContextRunner https() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FairComAutoConfiguration.class))
			.withUserConfiguration(SpiedBundles.class)
			.withPropertyValues("faircom.url=https://faircom.test:8443/api", "faircom.username=app",
					"faircom.password=secret", "faircom.ssl.bundle=faircom");
	}

	@Configuration(proxyBeanMethods = false)
	static class SpiedBundles {

		@Bean
		RecordingBundles sslBundles() {
			return new RecordingBundles();
		}

	}

	/**
	 * SSL bundles "faircom" and "other" that record which bundles get an update handler.
	 */
	static class RecordingBundles implements SslBundles {

		final List<String> followed = new CopyOnWriteArrayList<>();

		private final DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();

		RecordingBundles() {
			this.registry.registerBundle("faircom", SslBundle.of(SslStoreBundle.NONE));
			this.registry.registerBundle("other", SslBundle.of(SslStoreBundle.NONE));
		}

		@Override
		public SslBundle getBundle(String name) throws NoSuchSslBundleException {
			return this.registry.getBundle(name);
		}

		@Override
		public void addBundleUpdateHandler(String name, Consumer<SslBundle> updateHandler) {
			this.followed.add(name);
			this.registry.addBundleUpdateHandler(name, updateHandler);
		}

		@Override
		public void addBundleRegisterHandler(BiConsumer<String, SslBundle> registerHandler) {
			this.registry.addBundleRegisterHandler(registerHandler);
		}

		@Override
		public List<String> getBundleNames() {
			return this.registry.getBundleNames();
		}

	}

}
