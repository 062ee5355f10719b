package io.github.faircomclient.it;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.KeyStoreFiles;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS with client-certificate login through {@code faircom.ssl.bundle}, with the
 * bundle in each form Spring Boot reads: PEM files ({@code spring.ssl.bundle.pem.*}), and
 * JKS and PKCS#12 stores ({@code spring.ssl.bundle.jks.*}), against an emulator that
 * requires a client certificate and maps its CN to the account.
 */
class SslBundleStoresIntegrationTests {

	private static TlsMaterial tls;

	private static FairComEmulator emulator;

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		emulator = FairComEmulator.builder()
			.withoutHttp()
			.httpsPort(0)
			.tls(tls)
			.clientAuth(ClientAuth.NEED)
			.user("reporter", "not-used-with-a-certificate")
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PEM", "JKS", "PKCS12" })
	void clientCertificateLoginWithEveryKindOfBundle(String kind) {
		CertificateFiles client = tls.clientCertificate("reporter");
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class))
			.withPropertyValues("faircom.url=" + emulator.httpsUrl(), "faircom.ssl.bundle=faircom");
		if ("PEM".equals(kind)) {
			runner = runner.withPropertyValues(
					"spring.ssl.bundle.pem.faircom.keystore.certificate=" + client.certificate().toUri(),
					"spring.ssl.bundle.pem.faircom.keystore.private-key=" + client.privateKey().toUri(),
					"spring.ssl.bundle.pem.faircom.truststore.certificate=" + tls.caCertificate().toUri());
		}
		else {
			Path directory = tls.directory().resolve(kind.toLowerCase());
			Path keyStore = KeyStoreFiles.keyStore(client, kind, "key-store-secret", directory);
			Path trustStore = KeyStoreFiles.trustStore(tls.caCertificate(), kind, "trust-store-secret", directory);
			runner = runner.withPropertyValues("spring.ssl.bundle.jks.faircom.keystore.location=" + keyStore.toUri(),
					"spring.ssl.bundle.jks.faircom.keystore.type=" + kind,
					"spring.ssl.bundle.jks.faircom.keystore.password=key-store-secret",
					"spring.ssl.bundle.jks.faircom.truststore.location=" + trustStore.toUri(),
					"spring.ssl.bundle.jks.faircom.truststore.type=" + kind,
					"spring.ssl.bundle.jks.faircom.truststore.password=trust-store-secret");
		}
		runner.run((context) -> {
			assertThat(context.getBean(FairComAuthentication.class))
				.isInstanceOf(ClientCertificateAuthentication.class);
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.admin().pingSession();
			assertThat(template.getSessionManager().getCurrentSession().getUsername()).as(kind)
				.isEqualToIgnoringCase("reporter");
		});
		assertThat(emulator.sessions()).isEmpty();
	}

}
