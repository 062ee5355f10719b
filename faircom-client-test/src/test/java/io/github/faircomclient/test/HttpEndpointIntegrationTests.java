package io.github.faircomclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The HTTP endpoint itself: paths, methods, keep-alive, restarts and the listener configuration.
 */
class HttpEndpointIntegrationTests {

	private static final String PING = "{\"api\":\"admin\",\"action\":\"pingSession\"}";

	@Test
	void otherMethodsAreNotAllowed() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			Reply reply = client.send(HttpRequest.newBuilder(emulator.httpUrl()).GET().build());
			assertThat(reply.status()).isEqualTo(405);
			assertThat(reply.response().headers().firstValue("Allow")).hasValue("POST");
			assertThat(reply.errorCode()).isEqualTo(99023);
			assertThat(reply.errorMessage()).isEqualTo("Method GET is not allowed here; send requests with POST.");
			Reply put = client.send(HttpRequest.newBuilder(emulator.httpUrl()).PUT(HttpRequest.BodyPublishers.ofString(PING)).build());
			assertThat(put.status()).isEqualTo(405);
			assertThat(emulator.actionCounts()).isEmpty();
		}
	}

	@Test
	void otherPathsAreNotFound() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(URI.create("http://127.0.0.1:" + emulator.httpPort() + "/apis"));
			Reply reply = client.post(PING);
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.errorCode()).isEqualTo(99022);
			assertThat(reply.errorMessage()).isEqualTo("No JSON Action endpoint at '/apis'; send requests to POST /api.");
		}
	}

	@Test
	void subPathsOfApiAreAccepted() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			for (String path : new String[] { "/api/", "/api/db", "/api/admin/x?y=1" }) {
				JsonActionClient client = new JsonActionClient(URI.create("http://127.0.0.1:" + emulator.httpPort() + path));
				assertThat(client.post(PING).errorCode()).as(path).isZero();
			}
			assertThat(emulator.actionCount("pingSession")).isEqualTo(3);
		}
	}

	@Test
	void idleKeepAliveConnectionsAreClosedByTheServer() throws IOException {
		try (FairComEmulator emulator = FairComEmulator.builder().connectionIdleTimeout(Duration.ofMillis(300)).start();
				RawHttp raw = new RawHttp(emulator.httpPort())) {
			raw.send(RawHttp.post("/api", PING));
			assertThat(raw.read().status()).isEqualTo(200);
			raw.send(RawHttp.post("/api", PING));
			RawHttp.Answer second = raw.read();
			assertThat(second.status()).as("the connection is kept alive between requests").isEqualTo(200);
			assertThat(second.header("Connection")).isNull();
			long start = System.nanoTime();
			assertThat(raw.closedByServer()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void answersAreCompactUnlessDebugging() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			assertThat(client.post(PING).body()).isEqualTo("{\"result\":{},\"errorCode\":0,\"errorMessage\":\"\"}");
			String token = client.login("ADMIN", "ADMIN");
			Reply pretty = client.post("{\"action\":\"listSessions\",\"authToken\":\"" + token + "\",\"debug\":\"MAX\"}");
			assertThat(pretty.body()).startsWith("{\n  \"authToken\" : ");
			assertThat(pretty.json().path("debugInfo").path("request").path("debug").asString()).isEqualTo("MAX");
			Reply compact = client.post("{\"action\":\"listSessions\",\"authToken\":\"" + token + "\",\"debug\":\"none\"}");
			assertThat(compact.body()).doesNotContain("\n").doesNotContain("debugInfo");
			Reply sessionDefault = client.post("{\"action\":\"listSessions\",\"authToken\":\"" + token + "\"}");
			assertThat(sessionDefault.body()).as("the documented session default debug is max").contains("\n  \"debugInfo\"");
		}
	}

	@Test
	void responseOptionsOmitDropsTopLevelProperties() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			Reply reply = client.post("{\"action\":\"pingSession\",\"responseOptions\":{\"omit\":[\"errorMessage\",\"result\"]}}");
			assertThat(reply.body()).isEqualTo("{\"errorCode\":0}");
		}
	}

	@Test
	void requestIdIsEchoedVerbatim() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			for (String requestId : new String[] { "\"00000047\"", "12345678901234567890123", "1.10", "-0.5e-3", "true",
					"null", "[1,\"two\",{\"three\":3}]", "{\"trace\":\"abc\",\"n\":[]}" }) {
				Reply reply = client.post("{\"action\":\"pingSession\",\"requestId\":" + requestId + "}");
				assertThat(reply.body()).as(requestId).startsWith("{\"requestId\":" + requestId.replace("-0.5e-3", "-0.0005") + ",");
			}
			assertThat(client.post(PING).json().has("requestId")).isFalse();
		}
	}

	@Test
	void restartKeepsThePortsAndPermanentSessionsOnly() {
		try (TlsMaterial tls = TlsMaterial.generate();
				FairComEmulator emulator = FairComEmulator.builder().tls(tls).clientAuth(ClientAuth.NONE).permanentSessions(true).start()) {
			int httpPort = emulator.httpPort();
			int httpsPort = emulator.httpsPort();
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			String temporary = client.login("ADMIN", "ADMIN");
			ObjectNode permanentLogin = JsonActionClient.request("admin", "createSession");
			permanentLogin.putObject("params").put("username", "ADMIN").put("password", "ADMIN").put("permanentSession", true);
			String permanent = client.post(permanentLogin).json().path("authToken").asString();

			emulator.restart();

			assertThat(emulator.httpPort()).isEqualTo(httpPort);
			assertThat(emulator.httpsPort()).isEqualTo(httpsPort);
			assertThat(ping(client, temporary).errorCode()).isEqualTo(12031);
			assertThat(ping(client, permanent).errorCode()).isZero();
			assertThat(new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext()).post(PING).errorCode()).isZero();
			assertThat(emulator.sessions()).extracting(EmulatedSession::authToken).containsExactly(permanent);
		}
	}

	@Test
	void stoppedEmulatorRefusesConnectionsUntilStartedAgain() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			emulator.stop();
			assertThat(emulator.isRunning()).isFalse();
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> client.post(PING));
			emulator.start();
			assertThat(client.post(PING).errorCode()).isZero();
		}
	}

	@Test
	void closedEmulatorCannotStartAgain() {
		FairComEmulator emulator = FairComEmulator.builder().start();
		emulator.close();
		emulator.close();
		assertThatIllegalStateException().isThrownBy(emulator::start).withMessage("This emulator is closed");
	}

	@Test
	void portsBeforeTheFirstStartAreUnknown() {
		FairComEmulator emulator = FairComEmulator.builder().build();
		assertThatIllegalStateException().isThrownBy(emulator::httpPort).withMessageContaining("call start() first");
		assertThatIllegalStateException().isThrownBy(emulator::httpsUrl).withMessageContaining("no HTTPS listener");
		emulator.close();
	}

	@Test
	void fixedPortsAreBound() throws IOException {
		int port;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(port).start()) {
			assertThat(emulator.httpUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/api"));
			assertThatIllegalStateException().isThrownBy(() -> FairComEmulator.builder().httpPort(port).start())
				.withMessageContaining("Cannot start the FairCom emulator");
		}
	}

	@Test
	void inconsistentConfigurationIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FairComEmulator.builder().withoutHttp().build())
			.withMessageContaining("No listener");
		assertThatIllegalArgumentException().isThrownBy(() -> FairComEmulator.builder().httpsPort(0).build())
			.withMessageContaining("needs a server certificate");
		assertThatIllegalArgumentException().isThrownBy(() -> FairComEmulator.builder().clientAuth(ClientAuth.NEED).build())
			.withMessageContaining("needs clientCertificateTrust");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FairComEmulator.builder().serverCertificate(java.nio.file.Path.of("missing.pem"), java.nio.file.Path.of("k.pem")).build())
			.withMessage("Cannot read the server certificate file missing.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> FairComEmulator.builder().sessionLimits(0, 1, 1))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> FairComEmulator.builder().httpPort(70000));
	}

	@Test
	void contentTypeOfTheRequestDoesNotMatter() {
		try (FairComEmulator emulator = FairComEmulator.builder().start()) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			Reply reply = client.send(HttpRequest.newBuilder(emulator.httpUrl())
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString(PING))
				.build());
			JsonNode answer = reply.json();
			assertThat(answer.path("errorCode").asInt()).isZero();
		}
	}

	private static Reply ping(JsonActionClient client, String token) {
		return client.post(JsonActionClient.request("admin", "pingSession").put("authToken", token));
	}

}
