package io.github.faircomclient.test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account actions over HTTP (and HTTPS for certificate logins): accounts made through the API log in,
 * change, lose their rights and disappear; only ADMIN accounts manage them; passwords never come back.
 */
class AccountActionsIntegrationTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final String PASSWORD = "CorrectHorseBatteryStaple";

	private static final List<String> requestLog = new CopyOnWriteArrayList<>();

	private static TlsMaterial tls;

	private static MutableEmulatorClock clock;

	private static FairComEmulator emulator;

	private JsonActionClient http;

	private String adminToken;

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		clock = EmulatorClock.fixed(START);
		emulator = FairComEmulator.builder()
			.tls(tls)
			.clientAuth(ClientAuth.WANT)
			.clock(clock)
			.permanentSessions(true)
			.requestLog(requestLog::add)
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	@BeforeEach
	void login() {
		clock.set(START);
		this.http = new JsonActionClient(emulator.httpUrl());
		this.adminToken = this.http.login("ADMIN", "ADMIN");
	}

	@AfterEach
	void dropEverythingButAdmin() {
		String token = this.http.login("ADMIN", "ADMIN");
		ObjectNode drop = request(token, "dropAccounts", (params) -> {
		});
		ArrayNode names = ((ObjectNode) drop.get("params")).putArray("usernames");
		for (JsonNode account : post(token, "listAccounts", (params) -> {
		}).json().path("result").path("accounts")) {
			if (!account.path("username").asString().equals("ADMIN")) {
				names.add(account.path("username").asString());
			}
		}
		assertThat(this.http.post(drop).errorCode()).isZero();
		emulator.faults().expireAllSessions();
		requestLog.clear();
	}

	@Test
	void anAccountCreatedThroughTheApiLogsInIsAlteredAndDropped() {
		assertThat(admin("createAccount", (params) -> params.put("username", "NewAccount2")
			.put("password", PASSWORD)
			.put("accountDescription", "used to test deletion")
			.put("lockoutAfterNFailedAttempts", 5)).errorCode()).isZero();
		JsonNode session = this.http.post(JsonActionClient.createSession("newaccount2", PASSWORD)).json();
		assertThat(session.path("errorCode").asInt()).isZero();
		assertThat(session.path("result").path("username").asString()).isEqualTo("NewAccount2");
		String token = session.path("authToken").asString();

		assertThat(admin("alterAccount", (params) -> params.put("username", "NEWACCOUNT2").put("password", "new-password"))
			.errorCode()).isZero();
		assertThat(this.http.post(JsonActionClient.createSession("NewAccount2", PASSWORD)).errorCode()).isEqualTo(99010);
		assertThat(this.http.login("NewAccount2", "new-password")).hasSize(64);
		assertThat(ping(token).errorCode()).as("a new password leaves live sessions running").isZero();

		Reply dropped = admin("dropAccounts", (params) -> params.putArray("usernames").add("NewAccount2"));
		assertThat(dropped.errorCode()).isZero();
		assertThat(dropped.json().has("result")).isFalse();
		assertThat(ping(token).errorCode()).as("the dropped account's sessions end").isEqualTo(12031);
		assertThat(emulator.sessions()).extracting(EmulatedSession::username).doesNotContain("NewAccount2");
		assertThat(this.http.post(JsonActionClient.createSession("NewAccount2", "new-password")).errorCode()).isEqualTo(99010);
		assertThat(usernames(admin("listAccounts", (params) -> {
		}))).containsExactly("ADMIN");
	}

	@Test
	void anAccountLogsInOnlyWithinItsEnableAndDisableDates() {
		createAccount("Seasonal", PASSWORD, (params) -> params.put("enableDatetime", "2026-01-02"));
		Reply early = this.http.post(JsonActionClient.createSession("Seasonal", PASSWORD));
		assertThat(early.errorCode()).isEqualTo(99063);
		assertThat(early.errorMessage())
			.isEqualTo("Account 'Seasonal' may not log in now (enableDatetime '2026-01-02', disableDatetime '').");
		assertThat(early.json().has("result")).isFalse();
		assertThat(this.http.post(JsonActionClient.createSession("Seasonal", "wrong")).errorCode())
			.as("a wrong password does not reveal the dates")
			.isEqualTo(99010);

		clock.set(Instant.parse("2026-01-02T00:00:00Z"));
		String token = this.http.login("Seasonal", PASSWORD, (params) -> params.put("idleConnectionTimeoutSeconds", 0));
		String admin = this.http.login("ADMIN", "ADMIN", (params) -> params.put("idleConnectionTimeoutSeconds", 0));
		assertThat(post(admin, "alterAccount", (params) -> params.put("username", "Seasonal")
			.put("disableDatetime", "2026-01-02")).errorCode()).isZero();
		clock.set(Instant.parse("2026-01-02T23:59:59Z"));
		assertThat(this.http.login("Seasonal", PASSWORD)).as("the last day is a whole day").hasSize(64);
		assertThat(ping(token).errorCode()).isZero();
		clock.set(Instant.parse("2026-01-03T00:00:00Z"));
		assertThat(this.http.post(JsonActionClient.createSession("Seasonal", PASSWORD)).errorCode()).isEqualTo(99063);
		assertThat(ping(token).errorCode()).as("disabling leaves live sessions running").isZero();
		JsonActionClient certificate = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("Seasonal"));
		assertThat(certificate.post(JsonActionClient.request("admin", "createSession")).errorCode())
			.as("nor with a client certificate")
			.isEqualTo(99063);

		assertThat(post(admin, "alterAccount", (params) -> params.put("username", "Seasonal").put("disableDatetime", ""))
			.errorCode()).isZero();
		assertThat(this.http.login("Seasonal", PASSWORD)).as("\"\" removes the limit").hasSize(64);
	}

	@Test
	void onlyAdministratorsManageAccountsAndServices() {
		createAccount("Reader", PASSWORD, (params) -> {
		});
		String reader = this.http.login("Reader", PASSWORD);
		for (String action : List.of("createAccount", "alterAccount", "dropAccounts", "cloneAccount",
				"assignRolesToAccounts", "manageService")) {
			Reply refused = post(reader, action, (params) -> params.put("username", "Reader"));
			assertThat(refused.errorCode()).as(action).isEqualTo(99062);
			assertThat(refused.errorMessage()).isEqualTo(action + " needs an account with the ADMIN role; account 'Reader' does not have it.");
		}
		assertThat(usernames(post(reader, "listAccounts", (params) -> {
		}))).as("a reader sees only itself").containsExactly("Reader");
		Reply described = post(reader, "describeAccounts", (params) -> params.putArray("usernames").add("ADMIN").add("reader"));
		assertThat(usernames(described)).containsExactly("Reader");
		assertThat(described.json().path("debugInfo").path("warnings").get(0).path("code").asInt()).isEqualTo(99061);
		assertThat(described.json().path("debugInfo").path("warnings").get(0).path("message").asString())
			.isEqualTo("Account 'ADMIN' does not exist.");

		assertThat(admin("assignRolesToAccounts", (params) -> params.putArray("add")
			.addObject()
			.set("roleNames", array("admin"))).errorCode()).as("usernames missing").isEqualTo(99008);
		assertThat(admin("assignRolesToAccounts", (params) -> params.putArray("add")
			.addObject()
			.setAll(roleChange("admin", "Reader"))).errorCode()).isZero();
		assertThat(post(reader, "createAccount", (params) -> params.put("username", "MadeByReader")).errorCode())
			.as("roles count on the next request of a live session")
			.isZero();
		assertThat(usernames(post(reader, "listAccounts", (params) -> {
		}))).containsExactly("ADMIN", "MadeByReader", "Reader");
	}

	@Test
	void listAccountsFiltersByPrefixesAndShowsBothDocumentedRoleShapes() {
		createAccount("NewAccount1", PASSWORD, (params) -> {
		});
		createAccount("newAccount2", PASSWORD, (params) -> {
		});
		createAccount("Other", PASSWORD, (params) -> {
		});
		assertThat(usernames(admin("listAccounts", (params) -> params.putArray("partialNames").add("adm").add("NewAccount"))))
			.containsExactly("ADMIN", "NewAccount1", "newAccount2");
		assertThat(usernames(admin("listAccounts", (params) -> params.putArray("partialNames").add("ccount"))))
			.as("starts with, not contains")
			.isEmpty();
		assertThat(usernames(admin("listAccounts", (params) -> params.putArray("partialNames")))).hasSize(4);
		assertThat(usernames(admin("listAccounts", (params) -> params.putNull("partialNames")))).hasSize(4);
		JsonNode admin = admin("listAccounts", (params) -> params.putArray("partialNames").add("ADMIN")).json()
			.path("result")
			.path("accounts")
			.get(0);
		assertThat(admin.propertyNames()).containsExactly("username", "accountDescription", "lockoutAfterNFailedAttempts",
				"maxDaysBeforePasswordMustChange", "maxMinutesBeforeNextLogin", "memoryLimit", "memoryRule", "roles",
				"roleNames");
		assertThat(admin.path("roles").get(0).path("roleName").asString()).isEqualTo("ADMIN");
		assertThat(admin.path("roleNames").get(0).asString()).isEqualTo("ADMIN");
		assertThat(admin.path("memoryRule").asString()).isEqualTo("default");
	}

	@Test
	void describeAccountsShowsEveryPropertyAndDescribesTheCallerByDefault() {
		createAccount("Described", PASSWORD, (params) -> {
			params.put("accountDescription", "described account")
				.put("enableDatetime", "2025-01-01")
				.put("disableDatetime", "2033-12-31T18:00:00")
				.put("lockoutAfterNFailedAttempts", 5)
				.put("maxDaysBeforePasswordMustChange", 365)
				.put("maxMinutesBeforeNextLogin", 35_791_394)
				.put("memoryLimit", 1_048_576)
				.put("memoryRule", "Guideline");
			params.putObject("metadata").put("team", "billing");
		});
		clock.advanceSeconds(90);
		JsonNode account = admin("describeAccounts", (params) -> params.putArray("usernames").add("described")).json()
			.path("result")
			.path("accounts")
			.get(0);
		assertThat(account.path("username").asString()).isEqualTo("Described");
		assertThat(account.path("accountDescription").asString()).isEqualTo("described account");
		assertThat(account.path("enableDatetime").asString()).isEqualTo("2025-01-01");
		assertThat(account.path("disableDatetime").asString()).isEqualTo("2033-12-31T18:00:00");
		assertThat(account.path("lockoutAfterNFailedAttempts").asInt()).isEqualTo(5);
		assertThat(account.path("maxDaysBeforePasswordMustChange").asInt()).isEqualTo(365);
		assertThat(account.path("maxMinutesBeforeNextLogin").asInt()).isEqualTo(35_791_394);
		assertThat(account.path("memoryLimit").asLong()).isEqualTo(1_048_576);
		assertThat(account.path("memoryRule").asString()).isEqualTo("guideline");
		assertThat(account.path("metadata").path("team").asString()).isEqualTo("billing");
		assertThat(account.path("roleNames")).isEmpty();
		assertThat(account.path("lastPasswordChange").asString()).isEqualTo("2026-01-01T00:00:00");
		assertThat(account.has("password")).isFalse();

		String described = this.http.login("Described", PASSWORD);
		Reply own = post(described, "describeAccounts", (params) -> {
		});
		assertThat(usernames(own)).containsExactly("Described");
		Reply withMissing = admin("describeAccounts", (params) -> params.putArray("usernames").add("ADMIN").add("ghost"));
		assertThat(withMissing.errorCode()).isZero();
		assertThat(usernames(withMissing)).containsExactly("ADMIN");
		assertThat(withMissing.json().path("debugInfo").path("warnings").get(0).path("message").asString())
			.isEqualTo("Account 'ghost' does not exist.");
	}

	@Test
	void alterAccountChangesOnlyWhatItIsGiven() {
		createAccount("Altered", PASSWORD, (params) -> params.put("accountDescription", "before").put("memoryLimit", 10));
		assertThat(admin("alterAccount", (params) -> params.put("username", "altered")
			.putNull("accountDescription")
			.put("maxDaysBeforePasswordMustChange", 14)).errorCode()).isZero();
		JsonNode account = describe("Altered");
		assertThat(account.path("accountDescription").asString()).isEqualTo("before");
		assertThat(account.path("memoryLimit").asInt()).isEqualTo(10);
		assertThat(account.path("maxDaysBeforePasswordMustChange").asInt()).isEqualTo(14);
		assertThat(this.http.login("Altered", PASSWORD)).as("password unchanged").hasSize(64);
		assertThat(admin("alterAccount", (params) -> params.put("username", "Altered").put("accountDescription", ""))
			.errorCode()).isZero();
		assertThat(describe("Altered").path("accountDescription").asString()).isEmpty();
		Reply missing = admin("alterAccount", (params) -> params.put("username", "ghost").put("password", "x"));
		assertThat(missing.errorCode()).isEqualTo(99061);
		assertThat(missing.errorMessage()).isEqualTo("Account 'ghost' does not exist.");
	}

	@Test
	void cloneAccountCopiesLoginPropertiesAndRoles() {
		createAccount("Template", PASSWORD, (params) -> params.put("accountDescription", "the template")
			.put("disableDatetime", "2030-01-01")
			.put("lockoutAfterNFailedAttempts", 3));
		admin("assignRolesToAccounts", (params) -> params.putArray("add").addObject().setAll(roleChange("reporting", "Template")));
		assertThat(admin("cloneAccount", (params) -> {
			params.put("sourceUsername", "template")
				.put("cloneUsername", "Copy")
				.put("clonePassword", "copy-password")
				.put("cloneDescription", "cloned from Template");
			params.putObject("cloneMetadata").put("origin", "Template");
		}).errorCode()).isZero();
		assertThat(admin("cloneAccount", (params) -> params.put("sourceUsername", "Template")
			.put("cloneUsername", "Bare")
			.put("clonePassword", "")
			.put("cloneRoles", false)).errorCode()).isZero();

		JsonNode copy = describe("Copy");
		assertThat(copy.path("accountDescription").asString()).isEqualTo("cloned from Template");
		assertThat(copy.path("disableDatetime").asString()).isEqualTo("2030-01-01");
		assertThat(copy.path("lockoutAfterNFailedAttempts").asInt()).isEqualTo(3);
		assertThat(copy.path("roleNames").get(0).asString()).isEqualTo("REPORTING");
		assertThat(copy.path("metadata").path("origin").asString()).isEqualTo("Template");
		assertThat(this.http.login("Copy", "copy-password")).hasSize(64);
		JsonNode bare = describe("Bare");
		assertThat(bare.path("roleNames")).isEmpty();
		assertThat(bare.path("accountDescription").asString()).isEmpty();
		assertThat(bare.has("metadata")).isFalse();
		assertThat(this.http.post(JsonActionClient.createSession("Bare", "")).errorCode())
			.as("no password: no password login")
			.isEqualTo(99010);
		JsonActionClient certificate = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("Bare"));
		JsonNode certificateLogin = certificate.post(JsonActionClient.request("admin", "createSession")).json();
		assertThat(certificateLogin.path("result").path("username").asString()).isEqualTo("Bare");

		assertThat(admin("cloneAccount", (params) -> params.put("sourceUsername", "ghost").put("cloneUsername", "x"))
			.errorCode()).isEqualTo(99061);
		Reply duplicate = admin("cloneAccount", (params) -> params.put("sourceUsername", "Template").put("cloneUsername", "COPY"));
		assertThat(duplicate.errorCode()).isEqualTo(99060);
		assertThat(duplicate.errorMessage()).isEqualTo("Account 'COPY' already exists.");
	}

	@Test
	void assignRolesToAccountsAddsAndRemovesInOneCallAllOrNothing() {
		createAccount("NewAccount1", PASSWORD, (params) -> {
		});
		createAccount("NewAccount2", PASSWORD, (params) -> {
		});
		admin("assignRolesToAccounts", (params) -> params.putArray("add")
			.addObject()
			.setAll(roleChange("admin", "NewAccount2")));
		Reply both = admin("assignRolesToAccounts", (params) -> {
			params.putArray("add").addObject().setAll(roleChange("admin", "NewAccount1"));
			params.putArray("remove").addObject().setAll(roleChange("Admin", "NewAccount2"));
		});
		assertThat(both.errorCode()).isZero();
		assertThat(both.json().has("result")).isFalse();
		assertThat(describe("NewAccount1").path("roleNames").get(0).asString()).isEqualTo("ADMIN");
		assertThat(describe("NewAccount2").path("roleNames")).isEmpty();

		ObjectNode lowerCaseKey = roleChange("reader", "NewAccount2");
		lowerCaseKey.set("rolenames", lowerCaseKey.remove("roleNames"));
		assertThat(admin("assignRolesToAccounts", (params) -> params.putArray("add").addObject().setAll(lowerCaseKey))
			.errorCode()).isZero();
		assertThat(describe("NewAccount2").path("roleNames").get(0).asString()).isEqualTo("READER");

		Reply unknown = admin("assignRolesToAccounts", (params) -> params.putArray("add")
			.addObject()
			.setAll(roleChange("writer", "NewAccount1", "ghost")));
		assertThat(unknown.errorCode()).isEqualTo(99061);
		assertThat(describe("NewAccount1").path("roleNames")).extracting(JsonNode::asString).containsExactly("ADMIN");
		assertThat(admin("assignRolesToAccounts", (params) -> params.putArray("add").add("admin")).errorCode())
			.isEqualTo(99004);
	}

	@Test
	void dropAccountsWarnsForEveryMissingAccountAndDropsTheOthers() {
		createAccount("NewAccount3", PASSWORD, (params) -> {
		});
		Reply reply = admin("dropAccounts", (params) -> params.putArray("usernames").add("ghost1").add("NewAccount3").add("Ghost2"));
		assertThat(reply.errorCode()).isZero();
		JsonNode warnings = reply.json().path("debugInfo").path("warnings");
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0).path("code").asInt()).isEqualTo(101);
		assertThat(warnings.get(0).path("message").asString()).isEqualTo("Not able to remove account [GHOST1] - ISAM error [0]");
		assertThat(warnings.get(1).path("message").asString()).isEqualTo("Not able to remove account [GHOST2] - ISAM error [0]");
		assertThat(usernames(admin("listAccounts", (params) -> {
		}))).containsExactly("ADMIN");
		assertThat(admin("dropAccounts", (params) -> {
		}).errorCode()).as("no usernames: nothing to drop").isZero();
	}

	@Test
	void createAccountRefusesDuplicatesAndBadValuesAndCreatesNothing() {
		createAccount("Taken", PASSWORD, (params) -> {
		});
		assertThat(admin("createAccount", (params) -> params.put("username", "TAKEN")).errorCode()).isEqualTo(99060);
		assertThat(admin("createAccount", (params) -> params.put("password", "x")).errorMessage())
			.isEqualTo("Missing required parameter 'username'.");
		assertThat(admin("createAccount", (params) -> params.put("username", "x").putObject("accountDescription")).errorCode())
			.isEqualTo(99004);
		assertThat(admin("createAccount", (params) -> params.put("username", "x").put("metadata", "text")).errorCode())
			.isEqualTo(99004);
		assertThat(usernames(admin("listAccounts", (params) -> {
		}))).containsExactly("ADMIN", "Taken");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"enableDatetime|2024-13-01|Property 'params.enableDatetime' has an invalid value: use \"YYYY-MM-DD\" or \"YYYY-MM-DDTHH:MM:SS\" after 0336-10-07, or \"\" for none",
			"lockoutAfterNFailedAttempts|-1|Property 'params.lockoutAfterNFailedAttempts' has an invalid value: -1; use 0 to 2147483647",
			"maxMinutesBeforeNextLogin|35791395|Property 'params.maxMinutesBeforeNextLogin' has an invalid value: 35791395; use 0 to 35791394",
			"memoryRule|sometimes|Property 'params.memoryRule' has an invalid value: use \"default\", \"absolute\" or \"guideline\"",
			"username|'  '|Property 'params.username' has an invalid value: a name must not be empty",
			"username|ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄx|Property 'params.username' has an invalid value: a name has at most 64 bytes" })
	void createAccountRefusesValuesOutsideTheDocumentedLimits(String property, String value, String message) {
		Reply reply = admin("createAccount", (params) -> {
			params.put("username", "Valid");
			if (value.matches("-?\\d+")) {
				params.put(property, Long.parseLong(value));
			}
			else {
				params.put(property, value);
			}
		});
		assertThat(reply.errorCode()).isEqualTo(99005);
		assertThat(reply.errorMessage()).isEqualTo(message);
		assertThat(usernames(admin("listAccounts", (params) -> {
		}))).containsExactly("ADMIN");
	}

	@Test
	void passwordsNeverComeBackInAnswersErrorsOrTheRequestLog() {
		String longPassword = "Secret-" + "p".repeat(300);
		List<Reply> replies = List.of(
				admin("createAccount", (params) -> params.put("username", "Hidden").put("password", PASSWORD), "max"),
				admin("alterAccount", (params) -> params.put("username", "Hidden").put("password", "Second-Secret"), "max"),
				admin("cloneAccount", (params) -> params.put("sourceUsername", "Hidden")
					.put("cloneUsername", "Twin")
					.put("clonePassword", "Third-Secret"), "max"),
				admin("createAccount", (params) -> params.put("username", "TooLong").put("password", longPassword), "max"),
				admin("alterAccount", (params) -> params.put("username", "ghost").put("password", "Fourth-Secret"), "max"));
		assertThat(replies).extracting(Reply::errorCode).containsExactly(0, 0, 0, 99005, 99061);
		assertThat(replies.get(0).json().path("debugInfo").path("request").path("params").path("password").asString())
			.isEqualTo("********");
		assertThat(replies.get(2).json().path("debugInfo").path("request").path("params").path("clonePassword").asString())
			.isEqualTo("********");
		assertThat(replies.get(3).errorMessage())
			.isEqualTo("Property 'params.password' has an invalid value: a password has at most 256 bytes");
		for (Reply reply : replies) {
			assertThat(reply.body()).doesNotContain(PASSWORD, "Second-Secret", "Third-Secret", "Secret-ppp", "Fourth-Secret");
		}
		assertThat(this.http.login("Twin", "Third-Secret")).hasSize(64);
		assertThat(requestLog).anySatisfy((line) -> assertThat(line).contains(" admin/cloneAccount HTTP 200 errorCode 0 "));
		assertThat(requestLog).allSatisfy((line) -> assertThat(line).doesNotContain(PASSWORD, "Second-Secret", "Third-Secret",
				"Secret-ppp", "Fourth-Secret", this.adminToken, "Hidden"));
	}

	private void createAccount(String username, String password, Consumer<ObjectNode> properties) {
		Reply reply = admin("createAccount", (params) -> {
			params.put("username", username).put("password", password);
			properties.accept(params);
		});
		assertThat(reply.errorCode()).as(reply.body()).isZero();
	}

	private JsonNode describe(String username) {
		return admin("describeAccounts", (params) -> params.putArray("usernames").add(username)).json()
			.path("result")
			.path("accounts")
			.get(0);
	}

	private Reply admin(String action, Consumer<ObjectNode> params) {
		return post(this.adminToken, action, params);
	}

	private Reply admin(String action, Consumer<ObjectNode> params, String debug) {
		return this.http.post(request(this.adminToken, action, params).put("debug", debug));
	}

	private Reply post(String token, String action, Consumer<ObjectNode> params) {
		return this.http.post(request(token, action, params));
	}

	private Reply ping(String token) {
		return this.http.post(JsonActionClient.request("admin", "pingSession").put("authToken", token));
	}

	private static ObjectNode request(String token, String action, Consumer<ObjectNode> params) {
		ObjectNode request = JsonActionClient.request("admin", action).put("authToken", token);
		params.accept(request.putObject("params"));
		return request;
	}

	private static ObjectNode roleChange(String role, String... usernames) {
		ObjectNode change = JsonActionClient.MAPPER.createObjectNode();
		change.set("roleNames", array(role));
		change.set("usernames", array(usernames));
		return change;
	}

	private static ArrayNode array(String... values) {
		ArrayNode array = JsonActionClient.MAPPER.createArrayNode();
		for (String value : values) {
			array.add(value);
		}
		return array;
	}

	private static List<String> usernames(Reply reply) {
		assertThat(reply.errorCode()).as(reply.body()).isZero();
		List<String> names = new java.util.ArrayList<>();
		for (JsonNode account : reply.json().path("result").path("accounts")) {
			names.add(account.path("username").asString());
		}
		return names;
	}

}
