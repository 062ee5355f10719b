package io.github.faircomclient.autoconfigure;

import java.net.InetAddress;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.db.FairComRecordMapperCustomizer;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.session.TokenAuthentication;

/**
 * Configurations imported by {@link FairComAutoConfiguration}.
 */
final class FairComConfigurations {

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
				throw new FairComConfigurationException("faircom.username", null,
						"no credentials are configured, and a client-certificate login needs an https url", action);
			}
			SslBundle sslBundle = connectionDetails.getSslBundle();
			if (sslBundle == null) {
				throw new FairComConfigurationException("faircom.username", null,
						"no credentials are configured, and there is no SSL bundle with a client certificate to log "
								+ "in with",
						action);
			}
			if (sslBundle.getStores().getKeyStore() == null) {
				throw new FairComConfigurationException("faircom.ssl.bundle", null,
						"no credentials are configured, and the SSL bundle has no key store with a client "
								+ "certificate to log in with",
						"Add keystore.certificate and keystore.private-key (PEM) or keystore.location (JKS/PKCS12) "
								+ "to the bundle, or set faircom.username and faircom.password.");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateBuilderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FairComTemplateBuilderConfigurer fairComTemplateBuilderConfigurer(FairComProperties properties,
				FairComDbProperties dbProperties, Environment environment,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<FairComRequestObservationConvention> observationConvention,
				ObjectProvider<FairComSessionObservationConvention> sessionObservationConvention,
				ObjectProvider<FairComRestClientCustomizer> customizers,
				ObjectProvider<FairComRecordMapperCustomizer> recordMapperCustomizers,
				ObjectProvider<MqSettings> mqSettings, ApplicationEventPublisher eventPublisher) {
			return new FairComTemplateBuilderConfigurer(properties, dbProperties, defaultDescription(environment),
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					observationConvention.getIfAvailable(), sessionObservationConvention.getIfAvailable(),
					customizers.orderedStream().toList(), recordMapperCustomizers.orderedStream().toList(),
					eventPublisher::publishEvent, mqSettings.getIfAvailable(MqSettings::defaults),
					Threading.VIRTUAL.isActive(environment));
		}

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		FairComTemplateBuilder fairComTemplateBuilder(FairComTemplateBuilderConfigurer configurer) {
			return configurer.configure(FairComTemplate.builder());
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

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean(FairComOperations.class)
		FairComTemplate fairComTemplate(FairComTemplateBuilder builder, FairComProperties properties,
				FairComConnectionDetails connectionDetails, FairComAuthentication fairComAuthentication,
				ObjectProvider<SslBundles> sslBundles, Environment environment) {
			builder.url(connectionDetails.getUrl())
				.verifyHostname(properties.getSsl().isVerifyHostname())
				.authentication(fairComAuthentication);
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

	}

}
