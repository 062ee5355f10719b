package io.github.faircomclient.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClients;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for {@link io.github.faircomclient.core.FairComTemplate}: a
 * {@link FairComConnectionDetails} from the {@code faircom.*} properties, a
 * {@link io.github.faircomclient.session.FairComAuthentication} chosen from those details,
 * a prototype {@link io.github.faircomclient.core.FairComTemplateBuilder} holding every
 * other setting (through {@link FairComTemplateBuilderConfigurer}) for templates of your
 * own, and the template itself. Each backs off when the application defines its own.
 * Requires Apache HttpClient 5; {@code faircom.enabled=false} switches it off.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, HttpClients.class })
@ConditionalOnBooleanProperty(name = "faircom.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ FairComProperties.class, FairComDbProperties.class })
@Import({ FairComConfigurations.ConnectionDetailsConfiguration.class,
		FairComConfigurations.AuthenticationConfiguration.class,
		FairComConfigurations.TemplateBuilderConfiguration.class, FairComConfigurations.TemplateConfiguration.class })
public final class FairComAutoConfiguration {

	FairComAutoConfiguration() {
	}

}
