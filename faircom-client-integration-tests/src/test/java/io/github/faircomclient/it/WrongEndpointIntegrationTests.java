package io.github.faircomclient.it;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A url that points at the wrong place says so (issue 13, F10): a wrong path is not
 * reported as bad credentials, and {@code http://} to a port that speaks TLS says to use
 * https instead of printing the bytes the server sent.
 */
class WrongEndpointIntegrationTests {

	@Test
	void aWrongPathPointsAtThePathNotAtTheCredentials() {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).build().start();
				FairComTemplate template = FairComTemplate.builder()
					.url(emulator.httpUrl().resolve("/wrong"))
					.credentials("ADMIN", "ADMIN")
					.build()) {
			assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> template.admin().pingSession())
				.satisfies((ex) -> {
					assertThat(ex).isNotInstanceOf(FairComAuthenticationException.class);
					assertThat(ex.getHttpStatus()).isEqualTo(404);
					assertThat(ex.getMessage()).startsWith("FairCom answered admin/createSession with HTTP 404")
						.endsWith("Nothing serves FairCom's JSON API at that path: check the path of faircom.url "
								+ "(FairCom's is /api)")
						.doesNotContain("credentials")
						.doesNotContain("..");
				});
		}
	}

	@Test
	void plainHttpToATlsPortSaysToUseHttps() {
		try (TlsMaterial tls = TlsMaterial.generate();
				FairComEmulator emulator = FairComEmulator.builder()
					.withoutHttp()
					.httpsPort(0)
					.tls(tls)
					.build()
					.start();
				FairComTemplate template = FairComTemplate.builder()
					.url("http://127.0.0.1:" + emulator.httpsPort() + "/api")
					.credentials("ADMIN", "ADMIN")
					.build()) {
			assertThatExceptionOfType(FairComTlsException.class).isThrownBy(() -> template.admin().pingSession())
				.satisfies((ex) -> {
					assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.TLS);
					assertThat(ex.getMessage()).contains("the server answered the plain HTTP request with TLS")
						.contains("while faircom.url starts with http://. Use https://")
						.doesNotContain("[0x")
						.doesNotContain("..");
				});
		}
	}

}
