package io.github.faircomclient.test;

import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.golden.GoldenAssertions;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.test.junit.EnableFairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every documented account and service example to the emulator, over HTTP and over HTTPS with a client
 * certificate. Complete examples are compared with the documented answer; request-only examples must be
 * accepted, and their effect is checked with the other actions.
 */
@EnableFairComEmulator(https = true, clientAuth = ClientAuth.NEED)
class AccountServiceGoldenIntegrationTests {

	private static final List<String> COVERED = List.of("admin-alterAccount-maximal-request",
			"admin-alterAccount-minimal-request", "admin-assignRolesToAccounts-add-remove-request",
			"admin-assignRolesToAccounts-add-request", "admin-cloneAccount-maximal-request",
			"admin-cloneAccount-minimal-request", "admin-createAccount-maximal-request", "admin-createAccount-minimal-request",
			"admin-describeAccounts-maximal-request", "admin-describeAccounts-minimal-request",
			"admin-dropAccounts-missing-account-warning", "admin-dropAccounts-multiple-request",
			"admin-dropAccounts-success-debug", "admin-listAccounts-minimal-request",
			"admin-listAccounts-partialnames-request", "admin-listServices-maximal-request",
			"admin-listServices-no-auth-request", "admin-listServices-with-token", "admin-manageService-invalid-token-legacy",
			"admin-manageService-minimal-request", "admin-manageService-pause-debug");

	private final FairComEmulator emulator;

	private final TlsMaterial tls;

	AccountServiceGoldenIntegrationTests(FairComEmulator emulator, TlsMaterial tls) {
		this.emulator = emulator;
		this.tls = tls;
	}

	@AfterEach
	void dropAccountsAndRestart() {
		JsonActionClient client = new JsonActionClient(this.emulator.httpUrl());
		String token = client.login("ADMIN", "ADMIN");
		ObjectNode drop = JsonActionClient.request("admin", "dropAccounts").put("authToken", token);
		drop.putObject("params").putArray("usernames").add("NewAccount1").add("NewAccount2").add("NewAccount3")
			.add("NewAccount4").add("AccountToBeAltered").add("Zed");
		assertThat(client.post(drop).errorCode()).isZero();
		this.emulator.restart();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void createAccountMinimalMakesAnAccountWithoutPassword(Transport transport) {
		JsonActionClient client = client(transport);
		Reply reply = send(client, "admin-createAccount-minimal-request");
		assertThat(reply.errorCode()).isZero();
		assertThat(reply.json().has("result")).isFalse();
		assertThat(describe(client, "NewAccount1").path("username").asString()).isEqualTo("NewAccount1");
		assertThat(client.post(JsonActionClient.createSession("NewAccount1", "")).errorCode()).isEqualTo(99010);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void createAccountMaximalSetsEveryPropertyAndItsDatesApply(Transport transport) {
		JsonActionClient client = client(transport);
		assertThat(send(client, "admin-createAccount-maximal-request").errorCode()).isZero();
		JsonNode account = describe(client, "NewAccount2");
		assertThat(account.path("accountDescription").asString()).isEqualTo("NewAccount2 will be used solely to test deletion");
		assertThat(account.path("enableDatetime").asString()).isEqualTo("2024-01-01");
		assertThat(account.path("disableDatetime").asString()).isEqualTo("2024-12-31");
		assertThat(account.path("lockoutAfterNFailedAttempts").asInt()).isEqualTo(5);
		assertThat(account.path("maxDaysBeforePasswordMustChange").asInt()).isEqualTo(14);
		assertThat(account.path("maxMinutesBeforeNextLogin").asInt()).isZero();
		assertThat(account.path("memoryLimit").asInt()).isEqualTo(1048576);
		assertThat(account.path("memoryRule").asString()).isEqualTo("default");
		Reply login = client.post(JsonActionClient.createSession("NewAccount2", "CorrectHorseBatteryStaple"));
		assertThat(login.errorCode()).as("its last day was 2024-12-31").isEqualTo(99063);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void alterAccountMinimalChangesThePasswordAndMaximalEveryProperty(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "AccountToBeAltered", "old");
		assertThat(send(client, "admin-alterAccount-minimal-request").errorCode()).isZero();
		assertThat(client.post(JsonActionClient.createSession("AccountToBeAltered", "old")).errorCode()).isEqualTo(99010);
		assertThat(client.login("AccountToBeAltered", "NewPasswordForSpecifiedAccount")).hasSize(64);
		assertThat(send(client, "admin-alterAccount-maximal-request").errorCode()).isZero();
		JsonNode account = describe(client, "AccountToBeAltered");
		assertThat(account.path("accountDescription").asString()).isEqualTo("New description for the specified account");
		assertThat(account.path("enableDatetime").asString()).isEqualTo("2023-01-01");
		assertThat(account.path("disableDatetime").asString()).isEqualTo("2033-12-31");
		assertThat(account.path("maxDaysBeforePasswordMustChange").asInt()).isEqualTo(365);
		assertThat(client.login("AccountToBeAltered", "NewPasswordForSpecifiedAccount")).hasSize(64);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void dropAccountsSucceedsWithoutResultAndEchoesTheRequest(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount1", "pw");
		GoldenExample example = GoldenExamples.load("admin-dropAccounts-success-debug");
		String token = client.login("ADMIN", "ADMIN");
		JsonNode answer = client.post(example.request().put("authToken", token)).json();
		GoldenAssertions.assertMatches(example, answer);
		assertThat(answer.path("requestId").asString()).as("a real server echoes what it received").isEqualTo("1");
		assertThat(answer.path("debugInfo").path("request").path("authToken").asString()).isEqualTo(token);
		assertThat(client.post(JsonActionClient.createSession("NewAccount1", "pw")).errorCode()).isEqualTo(99010);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void dropAccountsOfAMissingAccountSucceedsWithTheDocumentedWarning(Transport transport) {
		JsonActionClient client = client(transport);
		GoldenExample example = GoldenExamples.load("admin-dropAccounts-missing-account-warning");
		String token = client.login("ADMIN", "ADMIN");
		JsonNode answer = client.post(example.request().put("authToken", token)).json();
		GoldenAssertions.assertMatches(example, answer);
		assertThat(answer.path("authToken").asString()).isEqualTo(token);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void dropAccountsDropsSeveralAccounts(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount3", "pw");
		create(client, "NewAccount4", "pw");
		Reply reply = send(client, "admin-dropAccounts-multiple-request");
		assertThat(reply.errorCode()).isZero();
		assertThat(reply.json().path("debugInfo").has("warnings")).isFalse();
		assertThat(usernames(client, List.of())).containsExactly("ADMIN");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void cloneAccountMinimalCopiesRolesAndHasNoPassword(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount1", "pw");
		create(client, "NewAccount2", "pw");
		assertThat(send(client, "admin-assignRolesToAccounts-add-request").errorCode()).isZero();
		assertThat(send(client, "admin-cloneAccount-minimal-request").errorCode()).isZero();
		JsonNode clone = describe(client, "NewAccount3");
		assertThat(clone.path("roleNames").get(0).asString()).isEqualTo("ADMIN");
		assertThat(client.post(JsonActionClient.createSession("NewAccount3", "")).errorCode()).isEqualTo(99010);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void cloneAccountMaximalSetsPasswordDescriptionAndMetadata(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount2", "pw");
		assertThat(send(client, "admin-cloneAccount-maximal-request").errorCode()).isZero();
		JsonNode clone = describe(client, "NewAccount4");
		assertThat(clone.path("accountDescription").asString()).isEqualTo("This account was cloned from NewAccount2.");
		assertThat(clone.path("metadata").isObject()).isTrue();
		assertThat(client.login("NewAccount4", "CorrectHorseBatteryStaple")).hasSize(64);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void listAccountsAnswersTheDocumentedFragment(Transport transport) {
		JsonActionClient client = client(transport);
		Reply reply = send(client, "admin-listAccounts-minimal-request");
		assertThat(reply.errorCode()).isZero();
		JsonNode admin = reply.json().path("result").path("accounts").get(0);
		// The fragment in the notes spells the account "admin"; the emulator keeps the configured spelling.
		assertThat(admin.path("username").asString()).isEqualTo("ADMIN");
		assertThat(admin.path("accountDescription").asString()).isEmpty();
		assertThat(admin.path("lockoutAfterNFailedAttempts").asInt()).isZero();
		assertThat(admin.path("maxDaysBeforePasswordMustChange").asInt()).isZero();
		assertThat(admin.path("maxMinutesBeforeNextLogin").asInt()).isZero();
		assertThat(admin.path("memoryLimit").asInt()).isZero();
		assertThat(admin.path("memoryRule").asString()).isEqualTo("default");
		assertThat(admin.path("roles").toString()).isEqualTo("[{\"roleName\":\"ADMIN\"}]");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void listAccountsFiltersByPartialNames(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount1", "pw");
		create(client, "Zed", "pw");
		Reply reply = send(client, "admin-listAccounts-partialnames-request");
		assertThat(reply.json().path("requestId").asString()).isEqualTo("1");
		assertThat(names(reply)).containsExactly("ADMIN", "NewAccount1");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void describeAccountsMinimalDescribesWithTheDocumentedFields(Transport transport) {
		JsonActionClient client = client(transport);
		Reply reply = send(client, "admin-describeAccounts-minimal-request");
		JsonNode account = reply.json().path("result").path("accounts").get(0);
		assertThat(account.path("username").asString()).isEqualTo("ADMIN");
		for (String field : List.of("accountDescription", "lockoutAfterNFailedAttempts", "maxDaysBeforePasswordMustChange",
				"maxMinutesBeforeNextLogin", "memoryLimit", "memoryRule")) {
			assertThat(account.has(field)).as(field).isTrue();
		}
		assertThat(account.path("lastPasswordChange").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void describeAccountsMaximalDescribesSeveralAccounts(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount1", "pw");
		Reply reply = send(client, "admin-describeAccounts-maximal-request");
		assertThat(reply.errorCode()).isZero();
		assertThat(names(reply)).containsExactly("ADMIN", "NewAccount1");
		assertThat(reply.json().path("requestId").asString()).isEqualTo("1");
		assertThat(reply.json().path("debugInfo").path("request").path("params").path("usernames")).hasSize(2);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void assignRolesToAccountsAddsAndRemoves(Transport transport) {
		JsonActionClient client = client(transport);
		create(client, "NewAccount1", "pw");
		create(client, "NewAccount2", "pw");
		assertThat(send(client, "admin-assignRolesToAccounts-add-request").errorCode()).isZero();
		assertThat(describe(client, "NewAccount2").path("roleNames").get(0).asString()).isEqualTo("ADMIN");
		Reply reply = send(client, "admin-assignRolesToAccounts-add-remove-request");
		assertThat(reply.errorCode()).isZero();
		assertThat(reply.json().has("result")).isFalse();
		assertThat(describe(client, "NewAccount1").path("roleNames").get(0).asString()).isEqualTo("ADMIN");
		assertThat(describe(client, "NewAccount2").path("roleNames")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void listServicesWithAndWithoutSession(Transport transport) {
		JsonActionClient client = client(transport);
		GoldenExample withToken = GoldenExamples.load("admin-listServices-with-token");
		JsonNode authorized = client.post(withToken.request().put("authToken", client.login("ADMIN", "ADMIN"))).json();
		GoldenAssertions.assertMatches(withToken, authorized);
		assertThat(authorized.path("result").path("listeners").get(1).path("tls").path("certificateFilename").asString())
			.isEqualTo(this.tls.serverCertificate().toAbsolutePath().toString());

		JsonNode anonymous = client.post(GoldenExamples.load("admin-listServices-no-auth-request").request()).json();
		assertThat(anonymous.path("errorCode").asInt()).isZero();
		assertThat(anonymous.path("result").path("listeners")).hasSize(2)
			.allSatisfy((listener) -> assertThat(listener.has("tls")).isFalse());

		Reply maximal = send(client, "admin-listServices-maximal-request");
		assertThat(maximal.json().path("requestId").asString()).isEqualTo("2");
		assertThat(maximal.json().path("result").path("listeners").get(1).has("tls")).isTrue();
		assertThat(maximal.json().path("debugInfo").path("request").path("apiVersion").asString()).isEqualTo("1.0");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void manageServicePausesAsDocumented(Transport transport) {
		JsonActionClient client = client(transport);
		GoldenExample example = GoldenExamples.load("admin-manageService-pause-debug");
		String token = client.login("ADMIN", "ADMIN");
		JsonNode answer = client.post(example.request().put("authToken", token)).json();
		GoldenAssertions.assertMatches(example, answer);
		assertThat(integrationState(client, "modbus")).isEqualTo("paused");
		Reply minimal = send(client, "admin-manageService-minimal-request");
		assertThat(minimal.errorCode()).isZero();
		assertThat(minimal.json().path("requestId").asString()).isEqualTo("00000012");
		assertThat(integrationState(client, "modbus")).as("no command changes nothing").isEqualTo("paused");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void manageServiceWithAnInvalidTokenInTheLegacyProfile(Transport transport) {
		GoldenExample example = GoldenExamples.load("admin-manageService-invalid-token-legacy");
		JsonActionClient client = client(transport);
		Reply newest = client.post(example.request());
		assertThat(newest.errorCode()).isEqualTo(12031);
		this.emulator.profile(CompatibilityProfile.LEGACY);
		JsonNode answer = client.post(example.request()).json();
		// The two documented legacy answers disagree on debugInfo: pingSession's is empty, this one holds the
		// request echo; the emulator sends pingSession's shape (SESSION_GONE_ANSWERS).
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring("debugInfo"), answer);
		assertThat(answer.path("debugInfo").isObject()).isTrue();
	}

	@Test
	void everyAccountAndServiceGoldenFileIsSentByATest() {
		List<String> names = new ArrayList<>();
		for (String name : GoldenExamples.names()) {
			if (name.matches("admin-(\\w+Accounts?|assignRolesToAccounts|listServices|manageService)-.*")) {
				names.add(name);
			}
		}
		assertThat(names).containsExactlyInAnyOrderElementsOf(COVERED);
	}

	private JsonActionClient client(Transport transport) {
		return transport.client(this.emulator, this.tls);
	}

	/**
	 * Sends a documented request with a real token in place of the placeholder.
	 */
	private static Reply send(JsonActionClient client, String name) {
		ObjectNode request = GoldenExamples.load(name).request();
		if (request.has("authToken")) {
			request.put("authToken", client.login("ADMIN", "ADMIN"));
		}
		return client.post(request);
	}

	private static void create(JsonActionClient client, String username, String password) {
		ObjectNode request = JsonActionClient.request("admin", "createAccount").put("authToken", client.login("ADMIN", "ADMIN"));
		request.putObject("params").put("username", username).put("password", password);
		assertThat(client.post(request).errorCode()).isZero();
	}

	private static JsonNode describe(JsonActionClient client, String username) {
		ObjectNode request = JsonActionClient.request("admin", "describeAccounts")
			.put("authToken", client.login("ADMIN", "ADMIN"));
		request.putObject("params").putArray("usernames").add(username);
		Reply reply = client.post(request);
		assertThat(reply.errorCode()).as(reply.body()).isZero();
		return reply.json().path("result").path("accounts").get(0);
	}

	private static List<String> usernames(JsonActionClient client, List<String> prefixes) {
		ObjectNode request = JsonActionClient.request("admin", "listAccounts").put("authToken", client.login("ADMIN", "ADMIN"));
		prefixes.forEach(request.putObject("params").putArray("partialNames")::add);
		return names(client.post(request));
	}

	private static List<String> names(Reply reply) {
		List<String> names = new ArrayList<>();
		for (JsonNode account : reply.json().path("result").path("accounts")) {
			names.add(account.path("username").asString());
		}
		return names;
	}

	private static String integrationState(JsonActionClient client, String service) {
		ObjectNode request = JsonActionClient.request("admin", "listServices");
		for (JsonNode entry : client.post(request).json().path("result").path("integrationServices")) {
			if (entry.path("serviceName").asString().equals(service)) {
				return entry.path("state").asString();
			}
		}
		throw new AssertionError("No service " + service);
	}

}
