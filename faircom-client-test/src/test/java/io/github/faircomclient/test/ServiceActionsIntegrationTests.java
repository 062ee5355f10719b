package io.github.faircomclient.test;

import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.junit.EnableFairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * listServices and manageService over HTTP: what is reported with and without a session, and what a paused
 * or shut-down service does.
 */
@EnableFairComEmulator(https = true, clientAuth = ClientAuth.WANT)
class ServiceActionsIntegrationTests {

	private final FairComEmulator emulator;

	private final TlsMaterial tls;

	private final JsonActionClient http;

	private String token;

	ServiceActionsIntegrationTests(FairComEmulator emulator, TlsMaterial tls) {
		this.emulator = emulator;
		this.tls = tls;
		this.http = new JsonActionClient(emulator.httpUrl());
	}

	@BeforeEach
	void login() {
		this.token = this.http.login("ADMIN", "ADMIN");
	}

	@AfterEach
	void runEverythingAgain() {
		this.emulator.restart();
	}

	@Test
	void listServicesReportsTheListenersApisAndIntegrationServices() {
		JsonNode result = this.http.post(listServices().put("authToken", this.token)).json().path("result");
		JsonNode listeners = result.path("listeners");
		assertThat(listeners).hasSize(2);
		JsonNode http = listeners.get(0);
		assertThat(http.path("serviceName").asString()).isEqualTo("http" + this.emulator.httpPort());
		assertThat(http.path("port").isString()).as("ports are strings, as documented").isTrue();
		assertThat(http.path("port").asString()).isEqualTo(String.valueOf(this.emulator.httpPort()));
		assertThat(http.path("protocol").asString()).isEqualTo("http");
		assertThat(http.path("enabled").asBoolean()).isTrue();
		assertThat(http.path("description").asString()).isEqualTo("Port " + this.emulator.httpPort()
				+ " using insecure HTTP protocol for the JSON Action API on 127.0.0.1");
		assertThat(http.has("tls")).isFalse();
		JsonNode https = listeners.get(1);
		assertThat(https.path("serviceName").asString()).isEqualTo("https" + this.emulator.httpsPort());
		assertThat(https.path("protocol").asString()).isEqualTo("https");
		assertThat(https.path("tls").path("certificateFilename").asString())
			.isEqualTo(this.tls.serverCertificate().toAbsolutePath().toString());
		assertThat(names(result.path("apis"))).as("every installed api but admin").containsExactly("db", "mq");
		assertThat(names(result.path("integrationServices"))).containsExactly("opcua", "modbus", "ab", "siemensS7",
				"mtconnect", "rest");
		assertThat(result.path("apis").get(0).path("state").asString()).isEqualTo("running");
	}

	@Test
	void listServicesWithoutAValidSessionOmitsTls() {
		for (ObjectNode request : List.of(listServices(), listServices().put("authToken", "not-a-session"))) {
			Reply reply = this.http.post(request);
			assertThat(reply.errorCode()).isZero();
			JsonNode listeners = reply.json().path("result").path("listeners");
			assertThat(listeners).hasSize(2);
			assertThat(listeners.get(1).has("tls")).isFalse();
			assertThat(listeners.get(1).path("protocol").asString()).isEqualTo("https");
		}
	}

	@Test
	void aPausedApiRefusesRequestsUntilItIsResumed() {
		assertThat(manage("db", "pause").errorCode()).isZero();
		Reply refused = this.http.post(JsonActionClient.request("db", "listDatabases").put("authToken", this.token));
		assertThat(refused.errorCode()).isEqualTo(99065);
		assertThat(refused.errorMessage())
			.isEqualTo("The 'db' service is paused; start it again with manageService (resume, startup or restart).");
		assertThat(state("apis", "db")).isEqualTo("paused");
		assertThat(this.http.post(JsonActionClient.request("admin", "pingSession").put("authToken", this.token)).errorCode())
			.as("the admin api keeps answering")
			.isZero();
		assertThat(manage("DB", "resume").errorCode()).isZero();
		assertThat(this.http.post(JsonActionClient.request("db", "listDatabases").put("authToken", this.token)).errorCode())
			.isZero();
	}

	@Test
	void aShutDownServiceCanOnlyBeStartedUpOrRestarted() {
		assertThat(manage("modbus", "shutdown").errorCode()).isZero();
		assertThat(state("integrationServices", "modbus")).isEqualTo("stopped");
		Reply refused = manage("modbus", "pause");
		assertThat(refused.errorCode()).isEqualTo(99066);
		assertThat(refused.errorMessage())
			.isEqualTo("Cannot pause service 'modbus' while it is shut down; use startup or restart.");
		assertThat(manage("MODBUS", "startup").errorCode()).isZero();
		assertThat(state("integrationServices", "modbus")).isEqualTo("running");
		assertThat(manage("db", "shutdown").errorCode()).isZero();
		assertThat(this.http.post(JsonActionClient.request("db", "listTables").put("authToken", this.token)).errorMessage())
			.startsWith("The 'db' service is stopped;");
		assertThat(manage("db", "restart").errorCode()).isZero();
		assertThat(state("apis", "db")).isEqualTo("running");
	}

	@Test
	void everyServiceRunsAgainWhenTheEmulatorStarts() {
		manage("db", "pause");
		manage("rest", "shutdown");
		this.emulator.restart();
		this.token = this.http.login("ADMIN", "ADMIN");
		assertThat(state("apis", "db")).isEqualTo("running");
		assertThat(state("integrationServices", "rest")).isEqualTo("running");
	}

	@Test
	void manageServiceWithoutCommandChangesNothingAndRefusesUnknownServicesAndCommands() {
		manage("opcua", "pause");
		ObjectNode noCommand = JsonActionClient.request("admin", "manageService").put("authToken", this.token);
		noCommand.putObject("params").put("serviceName", "opcua");
		Reply reply = this.http.post(noCommand);
		assertThat(reply.errorCode()).isZero();
		assertThat(reply.json().has("result")).isFalse();
		assertThat(state("integrationServices", "opcua")).isEqualTo("paused");
		Reply unknown = manage("http" + this.emulator.httpPort(), "pause");
		assertThat(unknown.errorCode()).isEqualTo(99064);
		assertThat(unknown.errorMessage()).isEqualTo("Service 'http" + this.emulator.httpPort()
				+ "' does not exist; manageService knows db, mq, opcua, modbus, ab, siemensS7, mtconnect, rest.");
		Reply badCommand = manage("db", "reboot");
		assertThat(badCommand.errorCode()).isEqualTo(99005);
		assertThat(state("apis", "db")).isEqualTo("running");
		ObjectNode noName = JsonActionClient.request("admin", "manageService").put("authToken", this.token);
		noName.putObject("params").put("command", "pause");
		assertThat(this.http.post(noName).errorMessage()).isEqualTo("Missing required parameter 'serviceName'.");
		assertThat(this.http.post(JsonActionClient.request("admin", "manageService")).errorCode())
			.as("manageService needs a session")
			.isEqualTo(12031);
	}

	private Reply manage(String service, String command) {
		ObjectNode request = JsonActionClient.request("admin", "manageService").put("authToken", this.token);
		request.putObject("params").put("serviceName", service).put("command", command);
		return this.http.post(request);
	}

	private String state(String section, String service) {
		for (JsonNode entry : this.http.post(listServices()).json().path("result").path(section)) {
			if (entry.path("serviceName").asString().equals(service)) {
				return entry.path("state").asString();
			}
		}
		throw new AssertionError("No service " + service + " in " + section);
	}

	private static ObjectNode listServices() {
		ObjectNode request = JsonActionClient.request("admin", "listServices");
		request.putObject("params");
		return request;
	}

	private static List<String> names(JsonNode entries) {
		List<String> names = new ArrayList<>();
		for (JsonNode entry : entries) {
			names.add(entry.path("serviceName").asString());
		}
		return names;
	}

}
