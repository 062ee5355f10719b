package io.github.faircomclient.test;

import io.github.faircomclient.test.JsonActionClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts, caps, permanent sessions and the scope of the session actions, over HTTP.
 */
class SessionRulesIntegrationTests {

	private FairComEmulator emulator;

	private JsonActionClient client;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().user("ADMIN", "ADMIN").user("jim", "jimpw").sessionLimits(5, 3, 4).start();
		this.client = new JsonActionClient(this.emulator.httpUrl());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void badPasswordGetsAnErrorWithoutResultAndNeverEchoesThePassword() {
		ObjectNode login = JsonActionClient.request("admin", "createSession").put("requestId", "x1");
		login.putObject("params").put("username", "ADMIN").put("password", "Guess-Me-1");
		Reply reply = this.client.post(login);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.errorCode()).isEqualTo(99010);
		assertThat(reply.errorMessage()).isEqualTo("Invalid username or password.");
		JsonNode answer = reply.json();
		assertThat(answer.has("result")).isFalse();
		assertThat(answer.has("authToken")).isFalse();
		assertThat(answer.path("requestId").asString()).isEqualTo("x1");
		assertThat(answer.path("debugInfo").path("request").path("params").path("password").asString()).isEqualTo("********");
		assertThat(reply.body()).doesNotContain("Guess-Me-1");
		ObjectNode unknown = JsonActionClient.createSession("nobody", "ADMIN");
		assertThat(this.client.post(unknown).errorMessage()).as("no hint which part was wrong")
			.isEqualTo("Invalid username or password.");
		assertThat(this.emulator.sessions()).isEmpty();
	}

	@Test
	void userNamesAreCaseInsensitiveAndReportedAsConfigured() {
		String token = this.client.login("Jim", "jimpw");
		assertThat(this.emulator.session(token).orElseThrow().username()).isEqualTo("jim");
		ObjectNode login = JsonActionClient.createSession("jim", "JIMPW");
		assertThat(this.client.post(login).errorCode()).as("passwords are case-sensitive").isEqualTo(99010);
	}

	@Test
	void usersCanBeAddedWhileRunning() {
		this.emulator.addUser("ann", "pw");
		assertThat(this.client.login("ANN", "pw")).hasSize(64);
		this.emulator.addUser("Ann", "new");
		ObjectNode old = JsonActionClient.createSession("ann", "pw");
		assertThat(this.client.post(old).errorCode()).isEqualTo(99010);
	}

	@Test
	void capsAreEnforcedWithClearMessages() {
		for (int i = 0; i < 3; i++) {
			this.client.login("ADMIN", "ADMIN");
		}
		ObjectNode login = JsonActionClient.createSession("admin", "ADMIN");
		Reply perUser = this.client.post(login);
		assertThat(perUser.errorCode()).isEqualTo(99015);
		assertThat(perUser.errorMessage()).isEqualTo(
				"Account 'ADMIN' already has 3 sessions (maxJsonApiSessionsPerUsername); delete unused sessions with deleteSession.");
		this.client.login("jim", "jimpw");
		Reply perAddress = this.client.post(login.put("requestId", 1).set("params",
				JsonActionClient.MAPPER.createObjectNode().put("username", "jim").put("password", "jimpw")));
		assertThat(perAddress.errorCode()).isEqualTo(99016);
		assertThat(perAddress.errorMessage()).startsWith("Client address 127.0.0.1 already has 4 sessions");
		assertThat(this.emulator.sessions()).hasSize(4);
	}

	@Test
	void permanentSessionsMustBeEnabled() {
		ObjectNode login = JsonActionClient.request("admin", "createSession");
		login.putObject("params").put("username", "ADMIN").put("password", "ADMIN").put("permanentSession", "true");
		Reply reply = this.client.post(login);
		assertThat(reply.errorCode()).isEqualTo(99013);
		assertThat(reply.errorMessage()).startsWith("Permanent sessions are disabled on this server");
		((ObjectNode) login.get("params")).put("permanentSession", "false");
		assertThat(this.client.post(login).json().path("result").path("permanentSession").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "username", "password", "permanentSession" })
	void alterSessionCannotChangeIdentityOrPermanence(String parameter) {
		String token = this.client.login("ADMIN", "ADMIN");
		ObjectNode alter = JsonActionClient.request("admin", "alterSession").put("authToken", token);
		alter.putObject("params").put(parameter, "x").put("description", "changed");
		Reply reply = this.client.post(alter);
		assertThat(reply.errorCode()).isEqualTo(99017);
		assertThat(reply.errorMessage()).isEqualTo("alterSession cannot change '" + parameter + "'; create a new session instead.");
		assertThat(this.emulator.session(token).orElseThrow().description()).as("nothing changed").isEmpty();
	}

	@Test
	void alterSessionMergesResponseOptions() {
		String token = this.client.login("ADMIN", "ADMIN");
		ObjectNode alter = JsonActionClient.request("admin", "alterSession").put("authToken", token);
		alter.putObject("params").put("defaultBinaryFormat", "BASE64").putObject("defaultResponseOptions").put("numberFormat", "string");
		JsonNode result = this.client.post(alter).json().path("result");
		assertThat(result.path("defaultBinaryFormat").asString()).isEqualTo("base64");
		assertThat(result.path("defaultResponseOptions").path("numberFormat").asString()).isEqualTo("string");
		assertThat(result.path("defaultResponseOptions").path("dataFormat").asString()).isEqualTo("objects");
		assertThat(result.path("defaultResponseOptions").size()).isEqualTo(7);
	}

	@Test
	void describeSessionsShowsOnlyTheCallersAccount() {
		String admin = this.client.login("ADMIN", "ADMIN");
		String adminToo = this.client.login("ADMIN", "ADMIN");
		String jim = this.client.login("jim", "jimpw");
		JsonNode own = this.client.post(JsonActionClient.request("admin", "describeSessions").put("authToken", admin)).json();
		assertThat(own.path("result").path("sessions").findValuesAsString("authToken")).containsExactly(admin, adminToo);
		ObjectNode byToken = JsonActionClient.request("admin", "describeSessions").put("authToken", jim);
		byToken.putObject("params").putArray("authTokens").add(admin).add(jim);
		assertThat(this.client.post(byToken).json().path("result").path("sessions").findValuesAsString("authToken"))
			.containsExactly(jim);
		JsonNode all = this.client.post(JsonActionClient.request("admin", "listSessions").put("authToken", jim)).json();
		assertThat(all.path("result").path("sessions").findValuesAsString("username")).containsExactly("ADMIN", "ADMIN", "jim");
	}

	@Test
	void listSessionsFilterMustBeAnArrayOfStrings() {
		String token = this.client.login("ADMIN", "ADMIN");
		ObjectNode list = JsonActionClient.request("admin", "listSessions").put("authToken", token);
		list.putObject("params").putArray("usernameFilter").add(5);
		Reply reply = this.client.post(list);
		assertThat(reply.errorCode()).isEqualTo(99004);
		assertThat(reply.errorMessage()).isEqualTo("Property 'params.usernameFilter' must be an array of strings.");
	}

	@Test
	void actionsNeedingASessionAnswer12031WithoutAToken() {
		for (String action : new String[] { "listSessions", "describeSessions", "alterSession" }) {
			Reply reply = this.client.post(JsonActionClient.request("admin", action).put("authToken", ""));
			assertThat(reply.errorCode()).as(action).isEqualTo(12031);
			assertThat(reply.json().path("authToken").asString()).as(action).isEmpty();
		}
		Reply noToken = this.client.post(JsonActionClient.request("admin", "listSessions"));
		assertThat(noToken.errorCode()).isEqualTo(12031);
		assertThat(noToken.json().has("authToken")).isFalse();
		Reply delete = this.client.post(JsonActionClient.request("admin", "deleteSession"));
		assertThat(delete.errorCode()).isZero();
		assertThat(delete.json().path("debugInfo").path("warnings").get(0).path("code").asInt()).isEqualTo(12031);
		assertThat(this.emulator.actionCounts()).containsEntry("listSessions", 2L).containsEntry("deleteSession", 1L);
	}

}
