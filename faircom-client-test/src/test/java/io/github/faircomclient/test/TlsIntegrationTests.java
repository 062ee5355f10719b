package io.github.faircomclient.test;

import java.io.UncheckedIOException;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * HTTPS with client certificates off, wanted and required, and client-certificate login.
 */
class TlsIntegrationTests {

	private static TlsMaterial tls;

	@BeforeAll
	static void generate() {
		tls = TlsMaterial.generate();
	}

	@AfterAll
	static void delete() {
		tls.close();
	}

	@Test
	void needRefusesClientsWithoutCertificate() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).withoutHttp().start()) {
			JsonActionClient anonymous = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext());
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> anonymous.post(ping()));
			JsonActionClient withCertificate = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("ADMIN"));
			assertThat(withCertificate.post(ping()).errorCode()).isZero();
			assertThat(emulator.actionCount("pingSession")).isEqualTo(1);
		}
	}

	@Test
	void needRefusesCertificatesOfAnUntrustedCa() throws Exception {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).withoutHttp().start()) {
			CertificateFiles untrusted = tls.untrustedClientCertificate("ADMIN");
			JsonActionClient client = new JsonActionClient(emulator.httpsUrl(),
					SslContexts.forClient(tls.caCertificate(), untrusted.certificate(), untrusted.privateKey()));
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> client.post(ping()));
		}
	}

	@Test
	void certificateLoginMapsTheSubjectCommonNameToTheAccount() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).clientAuth(ClientAuth.WANT).start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("admin"));
			JsonNode answer = client.post(JsonActionClient.request("admin", "createSession")).json();
			assertThat(answer.path("errorCode").asInt()).isZero();
			assertThat(answer.path("result").path("username").asString()).isEqualTo("ADMIN");
			String token = answer.path("authToken").asString();
			assertThat(emulator.session(token)).hasValueSatisfying((session) -> {
				assertThat(session.username()).isEqualTo("ADMIN");
				assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
			});
		}
	}

	@Test
	void certificateLoginNeedsAnAccountNamedByTheCommonName() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("nobody"));
			Reply reply = client.post(JsonActionClient.request("admin", "createSession"));
			assertThat(reply.errorCode()).isEqualTo(99012);
			assertThat(reply.errorMessage())
				.isEqualTo("The client certificate's subject CN 'nobody' does not name an account on this server.");
			assertThat(reply.json().has("result")).isFalse();
			assertThat(emulator.sessions()).isEmpty();
		}
	}

	@Test
	void passwordLoginTakesPrecedenceOverTheCertificate() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).user("ADMIN", "ADMIN").user("jim", "pw").start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("ADMIN"));
			ObjectNode login = JsonActionClient.createSession("jim", "pw");
			assertThat(client.post(login).json().path("result").path("username").asString()).isEqualTo("jim");
			((ObjectNode) login.get("params")).put("password", "wrong");
			Reply refused = client.post(login);
			assertThat(refused.errorCode()).isEqualTo(99010);
			assertThat(refused.errorMessage()).isEqualTo("Invalid username or password.");
		}
	}

	@Test
	void withoutCertificateAndCredentialsLoginFails() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).clientAuth(ClientAuth.WANT).start()) {
			for (JsonActionClient client : new JsonActionClient[] { new JsonActionClient(emulator.httpUrl()),
					new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext()) }) {
				Reply reply = client.post(JsonActionClient.request("admin", "createSession"));
				assertThat(reply.status()).isEqualTo(200);
				assertThat(reply.errorCode()).isEqualTo(99011);
				assertThat(reply.errorMessage()).isEqualTo(
						"createSession needs 'username' and 'password' in params, or a client certificate presented over TLS.");
			}
		}
	}

	@Test
	void noneDoesNotAskForTheCertificate() {
		try (FairComEmulator emulator = FairComEmulator.builder().tls(tls).clientAuth(ClientAuth.NONE).start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("ADMIN"));
			assertThat(client.post(JsonActionClient.request("admin", "createSession")).errorCode()).isEqualTo(99011);
			assertThat(client.login("ADMIN", "ADMIN")).hasSize(64);
		}
	}

	@Test
	void rsaMaterialAndEncryptedServerKeyWork() {
		try (TlsMaterial rsa = TlsMaterial.generate(TlsMaterial.KeyType.RSA_2048)) {
			CertificateFiles encrypted = rsa.encryptedClientCertificate("localhost");
			try (FairComEmulator emulator = FairComEmulator.builder()
				.serverCertificate(rsa.serverCertificate(), rsa.serverPrivateKey())
				.start()) {
				JsonActionClient client = new JsonActionClient(emulator.httpsUrl(), rsa.clientSslContext());
				assertThat(client.post(ping()).errorCode()).isZero();
			}
			assertThatIllegalArgumentException()
				.isThrownBy(() -> FairComEmulator.builder().serverCertificate(encrypted.certificate(), encrypted.privateKey()).build())
				.withMessageContaining("is encrypted; give its passphrase");
			try (FairComEmulator emulator = FairComEmulator.builder()
				.serverCertificate(encrypted.certificate(), encrypted.privateKey(), encrypted.passphrase().orElseThrow())
				.start()) {
				assertThat(emulator.httpsPort()).isPositive();
			}
		}
	}

	private static ObjectNode ping() {
		return JsonActionClient.request("admin", "pingSession");
	}

}
