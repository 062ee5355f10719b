package io.github.faircomclient.actuate;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComSanitizingFunction}.
 */
class FairComSanitizingFunctionTests {

	private final Sanitizer sanitizer = new Sanitizer(List.of(new FairComSanitizingFunction()));

	private Object shown(String key, Object value) {
		return this.sanitizer.sanitize(new SanitizableData(null, key, value), true);
	}

	@Test
	void masksTheClientsSecretsInEverySpelling() {
		for (String key : List.of("faircom.password", "faircom.session.token", "FAIRCOM_PASSWORD",
				"FAIRCOM_SESSION_TOKEN", "faircom.session-token", "faircom.session.authToken",
				"faircom.ssl.key-passphrase", "faircom.api-key", "faircom.clientSecret", "faircom.credentials[0].x")) {
			assertThat(shown(key, "s3cr3t")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
	}

	@Test
	void leavesOrdinarySettingsAndOtherNamespacesAlone() {
		for (String key : List.of("faircom.url", "faircom.username", "faircom.session.keepalive",
				"faircom.session.idle-timeout", "faircom.health.timeout", "faircom.ssl.bundle", "spring.datasource.password",
				"myapp.faircom.password", "faircomx.password")) {
			assertThat(shown(key, "value")).as(key).isEqualTo("value");
		}
	}

	@Test
	void masksThePasswordsAndInlineKeysOfSslBundles() {
		for (String key : List.of("spring.ssl.bundle.pem.faircom.keystore.private-key-password",
				"spring.ssl.bundle.jks.faircom.keystore.password", "spring.ssl.bundle.jks.faircom.key.password",
				"spring.ssl.bundle.jks.faircom.truststore.password",
				"SPRING_SSL_BUNDLE_PEM_FAIRCOMMTLS_KEYSTORE_PRIVATEKEYPASSWORD")) {
			assertThat(shown(key, "s3cr3t")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		assertThat(shown("spring.ssl.bundle.pem.faircom.keystore.private-key",
				"-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----"))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(shown("spring.ssl.bundle.pem.faircom.keystore.private-key", "file:/etc/faircom/client-key.pem"))
			.as("a file location is not a secret")
			.isEqualTo("file:/etc/faircom/client-key.pem");
		assertThat(shown("spring.ssl.bundle.jks.faircom.keystore.location", "file:/etc/faircom/client.p12"))
			.isEqualTo("file:/etc/faircom/client.p12");
		assertThat(shown("sun.java.command", "app.jar --spring.ssl.bundle.jks.faircom.keystore.password=pw2"))
			.isEqualTo("app.jar --spring.ssl.bundle.jks.faircom.keystore.password=******");
	}

	@Test
	void masksSecretsPassedOnTheCommandLine() {
		Object command = shown("sun.java.command", "app.jar --faircom.url=http://h/api --faircom.password=pw1 "
				+ "-Dfaircom.session.token=T0K3N --faircom.username=app");
		assertThat(command).isEqualTo("app.jar --faircom.url=http://h/api --faircom.password=****** "
				+ "-Dfaircom.session.token=****** --faircom.username=app");
		assertThat(shown("sun.java.command", "app.jar --server.port=8080")).isEqualTo("app.jar --server.port=8080");
	}

	@Test
	void nullValuesStayNull() {
		assertThat(this.sanitizer.sanitize(new SanitizableData(null, "faircom.password", null), true)).isNull();
	}

}
