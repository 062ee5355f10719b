package io.github.faircomclient.test;

import java.util.stream.Stream;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.golden.GoldenAssertions;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.test.junit.EnableFairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compatibility profile over HTTP and over HTTPS with a client certificate: where createSession puts
 * the token, how deleteSession answers an unknown token, and how actions answer an invalid session.
 */
@EnableFairComEmulator(https = true, clientAuth = ClientAuth.NEED)
class ProfilesIntegrationTests {

	private static final String SESSION_GONE = "'authToken' does not match any existing session. Use a valid 'authToken' or use 'createSession' to create a valid 'authToken'.";

	private final FairComEmulator emulator;

	private final TlsMaterial tls;

	ProfilesIntegrationTests(FairComEmulator emulator, TlsMaterial tls) {
		this.emulator = emulator;
		this.tls = tls;
	}

	static Stream<Arguments> profilesAndTransports() {
		return Stream.of("NEWEST", "OLDER", "UNAUTHORIZED_401", "LEGACY")
			.flatMap((profile) -> Stream.of(Transport.values()).map((transport) -> Arguments.of(profile, transport)));
	}

	@AfterEach
	void endSessions() {
		this.emulator.faults().expireAllSessions();
	}

	@ParameterizedTest(name = "{0} over {1}")
	@MethodSource("profilesAndTransports")
	void createSessionPlacesTheToken(String name, Transport transport) {
		CompatibilityProfile profile = CompatibilityProfile.parse(name);
		this.emulator.profile(profile);
		JsonNode answer = client(transport).post(GoldenExamples.load("admin-createSession-minimal").request()
			.put("requestId", 7)
			.set("params", JsonActionClient.MAPPER.createObjectNode().put("username", "ADMIN").put("password", "ADMIN")))
			.json();
		String token = answer.path("result").path("authToken").asString();
		assertThat(token).matches("[A-Za-z0-9]{64}");
		assertThat(answer.path("requestId").asInt()).isEqualTo(7);
		if (profile.tokenPlacement() == CompatibilityProfile.TokenPlacement.TOP_LEVEL_AND_RESULT) {
			assertThat(answer.path("authToken").asString()).isEqualTo(token);
		}
		else {
			assertThat(answer.has("authToken")).isFalse();
		}
	}

	@ParameterizedTest(name = "{0} over {1}")
	@MethodSource("profilesAndTransports")
	void deleteSessionOfAnUnknownToken(String name, Transport transport) {
		CompatibilityProfile profile = CompatibilityProfile.parse(name);
		this.emulator.profile(profile);
		Reply reply = client(transport).post(GoldenExamples.load("admin-deleteSession-unknown-token-warning").request());
		if (profile.unknownTokenDelete() == CompatibilityProfile.UnknownTokenDelete.SUCCESS_WITH_WARNING) {
			assertThat(reply.status()).isEqualTo(200);
			GoldenAssertions.assertMatchesGolden("admin-deleteSession-unknown-token-warning", reply.json());
		}
		else {
			assertSessionGone(profile, reply, "deleteSession");
		}
	}

	@ParameterizedTest(name = "{0} over {1}")
	@MethodSource("profilesAndTransports")
	void everySessionActionAnswersAnExpiredSessionPerProfile(String name, Transport transport) {
		CompatibilityProfile profile = CompatibilityProfile.parse(name);
		this.emulator.profile(profile);
		JsonActionClient client = client(transport);
		String token = client.login("ADMIN", "ADMIN");
		assertThat(this.emulator.faults().expireSession(token)).isTrue();
		for (String action : new String[] { "pingSession", "alterSession", "listSessions", "describeSessions" }) {
			ObjectNode request = JsonActionClient.request("admin", action).put("authToken", token).put("requestId", "r-" + action);
			Reply reply = client.post(request);
			assertSessionGone(profile, reply, action);
			assertThat(reply.json().path("requestId").asString()).isEqualTo("r-" + action);
			assertThat(reply.json().path("authToken").asString()).isEqualTo(token);
		}
	}

	@ParameterizedTest(name = "{0} over {1}")
	@MethodSource("profilesAndTransports")
	void aValidSessionIsAnsweredNormallyInEveryProfile(String name, Transport transport) {
		this.emulator.profile(CompatibilityProfile.parse(name));
		JsonActionClient client = client(transport);
		String token = client.login("ADMIN", "ADMIN");
		Reply ping = client.post(JsonActionClient.request("admin", "pingSession").put("authToken", token));
		assertThat(ping.status()).isEqualTo(200);
		GoldenAssertions.assertMatchesGolden("admin-pingSession-minimal", ping.json());
		Reply delete = client.post(JsonActionClient.request("admin", "deleteSession").put("authToken", token).put("debug", "none"));
		assertThat(delete.status()).isEqualTo(200);
		assertThat(delete.json().toString()).isEqualTo("{\"authToken\":\"" + token + "\",\"result\":{},\"errorCode\":0,\"errorMessage\":\"\"}");
	}

	private void assertSessionGone(CompatibilityProfile profile, Reply reply, String action) {
		JsonNode answer = reply.json();
		assertThat(answer.has("result") && answer.path("result").size() > 0).as(action + ": no result content").isFalse();
		switch (profile.sessionGoneAnswer()) {
			case ERROR_12031, ERROR_12031_HTTP_401 -> {
				int status = (profile.sessionGoneAnswer() == CompatibilityProfile.SessionGoneAnswer.ERROR_12031) ? 200 : 401;
				assertThat(reply.status()).as(action).isEqualTo(status);
				assertThat(answer.path("errorCode").asInt()).as(action).isEqualTo(12031);
				assertThat(answer.path("errorMessage").asString()).as(action).isEqualTo(SESSION_GONE);
				assertThat(answer.has("result")).as(action).isFalse();
			}
			case LEGACY_MINUS_1 -> {
				assertThat(reply.status()).as(action).isEqualTo(200);
				assertThat(answer.path("errorCode").asInt()).as(action).isEqualTo(-1);
				assertThat(answer.path("errorMessage").asString()).as(action).isEqualTo("authToken invalid or expired.");
				assertThat(answer.path("schema").asString()).isEqualTo("faircom.com/schemas/db");
				assertThat(answer.path("action").asString()).isEqualTo(action);
				assertThat(answer.path("api").asString()).isEqualTo("admin");
				assertThat(answer.path("result").isObject()).isTrue();
				assertThat(answer.path("debugInfo").isObject()).isTrue();
			}
		}
	}

	private JsonActionClient client(Transport transport) {
		return transport.client(this.emulator, this.tls);
	}

}
