package io.github.faircomclient.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FairComRecordMapperCustomizer;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.FairComSessionSettings;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.session.TokenAuthentication;

/**
 * Configurations imported by {@link FairComAutoConfiguration}.
 */
final class FairComConfigurations {

	private static final Duration NEVER = Duration.ofSeconds(-1);

	private FairComConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FairComOperations.class)
	static class ConnectionDetailsConfiguration {

		@Bean
		@ConditionalOnMissingBean(FairComConnectionDetails.class)
		PropertiesFairComConnectionDetails fairComConnectionDetails(FairComProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new PropertiesFairComConnectionDetails(properties, sslBundles.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FairComOperations.class)
	static class AuthenticationConfiguration {

		@Bean
		@ConditionalOnMissingBean(FairComAuthentication.class)
		FairComAuthentication fairComAuthentication(FairComConnectionDetails connectionDetails) {
			String token = connectionDetails.getToken();
			if (StringUtils.hasText(token)) {
				return new TokenAuthentication(token);
			}
			String username = connectionDetails.getUsername();
			if (StringUtils.hasText(username)) {
				String password = connectionDetails.getPassword();
				return new PasswordAuthentication(username, (password != null) ? password : "");
			}
			checkClientCertificate(connectionDetails);
			return new ClientCertificateAuthentication();
		}

		private static void checkClientCertificate(FairComConnectionDetails connectionDetails) {
			String action = "Set faircom.username and faircom.password, or faircom.session.token, or use an https "
					+ "url with an SSL bundle (faircom.ssl.bundle) that holds a client certificate and key.";
			if (!"https".equalsIgnoreCase(connectionDetails.getUrl().getScheme())) {
				throw new FairComConfigurationException("faircom.username",
						"no credentials are configured, and a client-certificate login needs an https url", action);
			}
			SslBundle sslBundle = connectionDetails.getSslBundle();
			if (sslBundle == null) {
				throw new FairComConfigurationException("faircom.username",
						"no credentials are configured, and there is no SSL bundle with a client certificate "
								+ "to log in with",
						action);
			}
			if (sslBundle.getStores().getKeyStore() == null) {
				throw new FairComConfigurationException("faircom.ssl.bundle",
						"no credentials are configured, and the SSL bundle has no key store with a client "
								+ "certificate to log in with",
						"Add keystore.certificate and keystore.private-key (PEM) or keystore.location (JKS/PKCS12) "
								+ "to the bundle, or set faircom.username and faircom.password.");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean(FairComOperations.class)
		FairComTemplate fairComTemplate(FairComProperties properties, FairComConnectionDetails connectionDetails,
				FairComAuthentication fairComAuthentication, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<FairComRequestObservationConvention> observationConvention,
				ObjectProvider<FairComSessionObservationConvention> sessionObservationConvention,
				ObjectProvider<FairComRestClientCustomizer> customizers, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<FairComRecordMapperCustomizer> recordMapperCustomizers,
				ObjectProvider<MqSettings> mqSettings, ApplicationEventPublisher eventPublisher,
				Environment environment) {
			checkTimeouts(properties);
			checkDb(properties.getDb());
			FairComRetrySettings retrySettings = retrySettings(properties.getRetry());
			FairComProperties.Session session = properties.getSession();
			FairComSessionSettings sessionSettings = FairComSessionSettings.builder()
				.description(StringUtils.hasText(session.getDescription()) ? session.getDescription()
						: defaultDescription(environment))
				.idleTimeout(session.getIdleTimeout())
				.cursorIdleTimeout(session.getCursorIdleTimeout())
				.defaultApi(session.getDefaultApi())
				.defaultDatabase(session.getDefaultDatabase())
				.defaultOwner(session.getDefaultOwner())
				.build();
			FairComTemplateBuilder builder = FairComTemplate.builder()
				.url(connectionDetails.getUrl())
				.verifyHostname(properties.getSsl().isVerifyHostname())
				.authentication(fairComAuthentication)
				.connectTimeout(properties.getConnectTimeout())
				.readTimeout(properties.getReadTimeout())
				.callTimeout(properties.getCallTimeout())
				.maxResponseSize(properties.getMaxResponseSize())
				.maxResponseValues(properties.getMaxResponseValues())
				.retry(retrySettings)
				.maxConnections(properties.getPool().getMaxConnections())
				.connectionAcquireTimeout(properties.getPool().getAcquireTimeout())
				.sessionSettings(sessionSettings)
				.keepalive(session.isKeepalive())
				.loginMode(session.getLogin())
				.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.observationConvention(observationConvention.getIfAvailable())
				.sessionObservationConvention(sessionObservationConvention.getIfAvailable())
				.customizers(customizers.orderedStream().toList())
				.sessionListener(eventPublisher::publishEvent)
				.errorCodes(errorCodes(properties.getErrorCodes()))
				.dbSettings(DbSettings.builder()
					.maxRecords(properties.getDb().getMaxRecords())
					.fetchSize(properties.getDb().getFetchSize())
					.batchSize(properties.getDb().getBatchSize())
					.binaryFormat(properties.getDb().getBinaryFormat())
					.numberFormat(properties.getDb().getNumberFormat())
					.recordMapperCustomizers(recordMapperCustomizers.orderedStream().toList())
					.build())
				.mqSettings(mqSettings.getIfAvailable(MqSettings::defaults));
			String bundleName = properties.getSsl().getBundle();
			SslBundles bundles = sslBundles.getIfAvailable();
			if (connectionDetails instanceof PropertiesFairComConnectionDetails && bundles != null
					&& StringUtils.hasText(bundleName) && reloadsOnUpdate(environment, bundleName)) {
				builder.sslBundle(bundles, bundleName);
			}
			else {
				builder.sslBundle(connectionDetails.getSslBundle());
			}
			return builder.build();
		}

		/**
		 * Return whether Spring Boot reloads the named bundle when its files change
		 * ({@code spring.ssl.bundle.pem.<name>.reload-on-update} or the jks equivalent).
		 */
		static boolean reloadsOnUpdate(Environment environment, String bundleName) {
			Binder binder = Binder.get(environment);
			for (String type : new String[] { "pem", "jks" }) {
				try {
					if (binder.bind("spring.ssl.bundle." + type + "[" + bundleName + "].reload-on-update", Boolean.class)
						.orElse(false)) {
						return true;
					}
				}
				catch (RuntimeException ex) {
					// not a name Spring Boot can bind; such a bundle is not reloaded either
				}
			}
			return false;
		}

		static FairComRetrySettings retrySettings(FairComProperties.Retry retry) {
			if (retry.getMaxAttempts() < 1) {
				throw new InvalidConfigurationPropertyValueException("faircom.retry.max-attempts",
						retry.getMaxAttempts(),
						"A call needs at least 1 attempt; set 1 for no retries (and no replay after an expired "
								+ "session), or more, for example 3.");
			}
			checkPositive("faircom.retry.initial-backoff", retry.getInitialBackoff(),
					"The backoff must be positive, for example 100ms.");
			checkPositive("faircom.retry.max-backoff", retry.getMaxBackoff(),
					"The backoff must be positive, for example 2s.");
			if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
				throw new InvalidConfigurationPropertyValueException("faircom.retry.max-backoff",
						retry.getMaxBackoff(), "The maximum backoff must not be below faircom.retry.initial-backoff ("
								+ retry.getInitialBackoff() + "); raise it or lower the initial backoff.");
			}
			if (!(retry.getMultiplier() >= 1.0) || Double.isInfinite(retry.getMultiplier())) {
				throw new InvalidConfigurationPropertyValueException("faircom.retry.multiplier", retry.getMultiplier(),
						"The multiplier must be a number of at least 1, for example 2.");
			}
			Duration maxRetryAfter = retry.getMaxRetryAfter();
			if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("faircom.retry.max-retry-after", maxRetryAfter,
						"The longest Retry-After to wait for must be 0 (never wait) or positive, for example 10s.");
			}
			return FairComRetrySettings.builder()
				.enabled(retry.isEnabled())
				.maxAttempts(retry.getMaxAttempts())
				.initialBackoff(retry.getInitialBackoff())
				.maxBackoff(retry.getMaxBackoff())
				.multiplier(retry.getMultiplier())
				.maxRetryAfter(maxRetryAfter)
				.build();
		}

		static void checkDb(FairComProperties.Db db) {
			if (db.getMaxRecords() < 1 || db.getMaxRecords() == Integer.MAX_VALUE) {
				throw new InvalidConfigurationPropertyValueException("faircom.db.max-records", db.getMaxRecords(),
						"The limit must be at least 1 (and below " + Integer.MAX_VALUE
								+ "); use stream() instead of list() to read results of any size.");
			}
			if (db.getFetchSize() < 1) {
				throw new InvalidConfigurationPropertyValueException("faircom.db.fetch-size", db.getFetchSize(),
						"A cursor page needs at least 1 record; set a positive number such as 500.");
			}
			if (db.getBatchSize() < 1) {
				throw new InvalidConfigurationPropertyValueException("faircom.db.batch-size", db.getBatchSize(),
						"A batch needs at least 1 record; set a positive number such as 500.");
			}
		}

		static FairComErrorCodes errorCodes(FairComProperties.ErrorCodes properties) {
			Map<Integer, String> seen = new HashMap<>();
			FairComErrorCodes codes = FairComErrorCodes.none();
			codes = add(codes, FairComErrorCodes.Category.DUPLICATE_KEY, "faircom.error-codes.duplicate-key",
					properties.getDuplicateKey(), seen);
			codes = add(codes, FairComErrorCodes.Category.NOT_FOUND, "faircom.error-codes.not-found",
					properties.getNotFound(), seen);
			return add(codes, FairComErrorCodes.Category.CHANGE_ID_CONFLICT, "faircom.error-codes.change-id-conflict",
					properties.getChangeIdConflict(), seen);
		}

		private static FairComErrorCodes add(FairComErrorCodes codes, FairComErrorCodes.Category category,
				String property, List<Integer> values, Map<Integer, String> seen) {
			for (Integer code : values) {
				if (code == null || code == 0) {
					throw new InvalidConfigurationPropertyValueException(property, values,
							"Error code 0 means success; list only non-zero codes.");
				}
				String other = seen.putIfAbsent(code, property);
				if (other != null) {
					throw new InvalidConfigurationPropertyValueException(property, values, "Error code " + code
							+ " is also listed in " + other + "; a code can raise only one exception type.");
				}
				codes = codes.with(category, code);
			}
			return codes;
		}

		static String defaultDescription(Environment environment) {
			String application = environment.getProperty("spring.application.name", "faircom-client");
			String host = hostName();
			return (host != null) ? application + " on " + host : application;
		}

		private static @Nullable String hostName() {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				return null;
			}
		}

		static void checkTimeouts(FairComProperties properties) {
			checkPositive("faircom.connect-timeout", properties.getConnectTimeout());
			checkPositive("faircom.read-timeout", properties.getReadTimeout());
			checkPositive("faircom.call-timeout", properties.getCallTimeout());
			checkPositive("faircom.pool.acquire-timeout", properties.getPool().getAcquireTimeout());
			if (properties.getMaxResponseValues() <= 0) {
				throw new InvalidConfigurationPropertyValueException("faircom.max-response-values",
						properties.getMaxResponseValues(), "The most JSON values in an answer must be positive, for "
								+ "example 1000000.");
			}
			if (properties.getMaxResponseSize() == null || properties.getMaxResponseSize().toBytes() <= 0) {
				throw new InvalidConfigurationPropertyValueException("faircom.max-response-size",
						properties.getMaxResponseSize(), "The largest answer must be positive, for example 64MB.");
			}
			int maxConnections = properties.getPool().getMaxConnections();
			if (maxConnections < 1) {
				throw new InvalidConfigurationPropertyValueException("faircom.pool.max-connections", maxConnections,
						"The pool needs at least 1 connection; set a positive number.");
			}
			Duration idleTimeout = properties.getSession().getIdleTimeout();
			if (idleTimeout != null && idleTimeout.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("faircom.session.idle-timeout", idleTimeout,
						"The session idle timeout must be 0 (the session never idles out) or positive.");
			}
			Duration cursorIdleTimeout = properties.getSession().getCursorIdleTimeout();
			if (cursorIdleTimeout != null && cursorIdleTimeout.isNegative() && !cursorIdleTimeout.equals(NEVER)) {
				throw new InvalidConfigurationPropertyValueException("faircom.session.cursor-idle-timeout",
						cursorIdleTimeout,
						"The cursor idle timeout must be -1 (cursors never idle out), 0 or positive.");
			}
		}

		private static void checkPositive(String name, @Nullable Duration value) {
			checkPositive(name, value, "The timeout must be positive, for example 5s.");
		}

		private static void checkPositive(String name, @Nullable Duration value, String reason) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new InvalidConfigurationPropertyValueException(name, value, reason);
			}
		}

	}

}
