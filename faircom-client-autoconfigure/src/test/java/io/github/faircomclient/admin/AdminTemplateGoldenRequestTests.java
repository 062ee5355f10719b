package io.github.faircomclient.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account and service requests {@link AdminTemplate} writes, compared with FairCom's
 * documented requests (the golden files), and the documented answers it reads. Every
 * documented account and service example is either sent here or named in
 * {@link #NOT_SENT} with the reason.
 */
class AdminTemplateGoldenRequestTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Documented requests the typed operations do not send, and why.
	 */
	private static final Map<String, String> NOT_SENT = Map.of("admin-manageService-minimal-request",
			"has no command: what manageService does without one is not documented; every typed call names one",
			"admin-manageService-invalid-token-legacy",
			"its request is a copy of describeSessions (params.authTokens, no serviceName); its answer is read in "
					+ "legacyInvalidTokenAnswerOfManageServiceReplaysTheCallOnANewSession");

	private static final String TOKEN = "stubSessionToken4d2f9a7c01b3e5";

	private final FairComStub stub = new FairComStub(TOKEN);

	@AfterEach
	void close() {
		this.stub.close();
	}

	/**
	 * One documented request: how to make the client write it and what to answer first.
	 */
	record Case(String golden, Function<AdminOperations, Object> call, Consumer<FairComStub> answers) {

		Case(String golden, Function<AdminOperations, Object> call) {
			this(golden, call, (stub) -> {
			});
		}

		@Override
		public String toString() {
			return this.golden;
		}

	}

	static Stream<Case> documentedRequests() {
		return Stream.of(new Case("admin-createAccount-minimal-request",
				(admin) -> ok(() -> admin.createAccount("NewAccount1", AccountProperties.none()))),
				new Case("admin-createAccount-maximal-request",
						(admin) -> ok(() -> admin.createAccount("NewAccount2", AccountProperties.builder()
							.password("CorrectHorseBatteryStaple")
							.accountDescription("NewAccount2 will be used solely to test deletion")
							.enableDatetime(LocalDate.of(2024, 1, 1))
							.disableDatetime(LocalDate.of(2024, 12, 31))
							.lockoutAfterNFailedAttempts(5)
							.maxDaysBeforePasswordMustChange(14)
							.maxMinutesBeforeNextLogin(0)
							.memoryLimit(1048576)
							.memoryRule("default")
							.build()))),
				new Case("admin-alterAccount-minimal-request",
						(admin) -> ok(() -> admin.alterAccount("AccountToBeAltered",
								AccountProperties.builder().password("NewPasswordForSpecifiedAccount").build()))),
				new Case("admin-alterAccount-maximal-request",
						(admin) -> ok(() -> admin.alterAccount("AccountToBeAltered", AccountProperties.builder()
							.password("NewPasswordForSpecifiedAccount")
							.accountDescription("New description for the specified account")
							.enableDatetime(LocalDate.of(2023, 1, 1))
							.disableDatetime(LocalDate.of(2033, 12, 31))
							.lockoutAfterNFailedAttempts(5)
							.maxDaysBeforePasswordMustChange(365)
							.maxMinutesBeforeNextLogin(0)
							.memoryLimit(1048576)
							.memoryRule("default")
							.build()))),
				new Case("admin-dropAccounts-multiple-request",
						(admin) -> admin.dropAccounts(List.of("NewAccount3", "NewAccount4"))),
				new Case("admin-dropAccounts-success-debug", (admin) -> admin.dropAccounts(List.of("NewAccount1"))),
				new Case("admin-dropAccounts-missing-account-warning",
						(admin) -> admin.dropAccounts(List.of("NewAccount1"))),
				new Case("admin-cloneAccount-minimal-request",
						(admin) -> ok(() -> admin
							.cloneAccount(AccountClone.builder("NewAccount1", "NewAccount3").password("").build()))),
				new Case("admin-cloneAccount-maximal-request",
						(admin) -> ok(() -> admin.cloneAccount(AccountClone.builder("NewAccount2", "NewAccount4")
							.password("CorrectHorseBatteryStaple")
							.cloneRoles(true)
							.description("This account was cloned from NewAccount2.")
							.metadata(Map.of())
							.build()))),
				new Case("admin-listAccounts-minimal-request", AdminOperations::listAccounts,
						(stub) -> stub.answer("listAccounts", "{\"accounts\":[]}")),
				new Case("admin-listAccounts-partialnames-request",
						(admin) -> admin.listAccounts(List.of("adm", "NewAccount")),
						(stub) -> stub.answer("listAccounts", "{\"accounts\":[]}")),
				new Case("admin-describeAccounts-minimal-request", (admin) -> admin.describeAccounts(List.of("admin")),
						(stub) -> stub.answer("describeAccounts", "{\"accounts\":[]}")),
				new Case("admin-describeAccounts-maximal-request",
						(admin) -> admin.describeAccounts(List.of("admin", "NewAccount1")),
						(stub) -> stub.answer("describeAccounts", "{\"accounts\":[]}")),
				new Case("admin-assignRolesToAccounts-add-request",
						(admin) -> ok(() -> admin.assignRolesToAccounts(RoleAssignments.builder()
							.add(List.of("admin"), List.of("NewAccount1", "NewAccount2"))
							.build()))),
				new Case("admin-assignRolesToAccounts-add-remove-request",
						(admin) -> ok(() -> admin.assignRolesToAccounts(RoleAssignments.builder()
							.add(List.of("admin"), List.of("NewAccount1"))
							.remove(List.of("admin"), List.of("NewAccount2"))
							.build()))),
				new Case("admin-listServices-with-token", AdminOperations::listServices),
				new Case("admin-listServices-maximal-request", AdminOperations::listServices),
				new Case("admin-listServices-no-auth-request", AdminOperations::listServices),
				new Case("admin-manageService-pause-debug",
						(admin) -> ok(() -> admin.manageService("modbus", ServiceCommand.PAUSE))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedRequests")
	void writesTheDocumentedRequest(Case documented) {
		GoldenExample example = GoldenExamples.load(documented.golden());
		String action = example.request().get("action").stringValue();
		documented.answers().accept(this.stub);
		if (example.response() != null && example.response().path("errorCode").asInt(0) == 0) {
			this.stub.answerEnvelope(action, answer(example));
		}
		documented.call().apply(this.stub.template().admin());
		JsonNode sent = this.stub.request(action);
		assertThat(sent.get("api").stringValue()).isEqualTo("admin");
		assertThat(sent.get("authToken").stringValue()).as("sent with the session").isEqualTo(TOKEN);
		ObjectNode expected = json.createObjectNode();
		ObjectNode actual = json.createObjectNode();
		expected.put("action", action);
		actual.put("action", sent.get("action").stringValue());
		if (example.request().has("api")) {
			expected.set("api", example.request().get("api"));
			actual.set("api", sent.get("api"));
		}
		expected.set("params", example.request().has("params") ? example.request().get("params")
				: json.createObjectNode());
		actual.set("params", sent.get("params"));
		GoldenComparison.Result result = GoldenComparison.of(expected).compare(actual);
		assertThat(result.matches()).as(result::describe).isTrue();
	}

	@Test
	void everyDocumentedAccountAndServiceRequestIsSentOrExplained() {
		Set<String> sent = Set.copyOf(documentedRequests().map(Case::golden).toList());
		List<String> documented = GoldenExamples.names()
			.stream()
			.filter((name) -> name.startsWith("admin-") && (name.contains("Account") || name.contains("Service")))
			.toList();
		assertThat(documented).hasSizeGreaterThanOrEqualTo(20);
		assertThat(documented).allSatisfy((name) -> assertThat(sent.contains(name) || NOT_SENT.containsKey(name))
			.as(name + " is sent by a typed operation or explained in NOT_SENT")
			.isTrue());
		assertThat(NOT_SENT.keySet()).allSatisfy((name) -> assertThat(documented).contains(name));
	}

	@Test
	void dropAccountsAsksForTheDebugInfoTheDocumentedWarningComesIn() {
		GoldenExample documented = GoldenExamples.load("admin-dropAccounts-missing-account-warning");
		this.stub.answerEnvelope("dropAccounts", answer(documented));
		List<FairComWarning> warnings = this.stub.template().admin().dropAccounts(List.of("NewAccount1"));
		assertThat(this.stub.request("dropAccounts").get("debug")).isEqualTo(documented.request().get("debug"));
		assertThat(warnings).containsExactly(
				new FairComWarning(101, "Not able to remove account [NEWACCOUNT1] - ISAM error [0]", null));
	}

	@Test
	void dropAccountsReadsTheDocumentedSuccessAsNoWarnings() {
		this.stub.answerEnvelope("dropAccounts", answer(GoldenExamples.load("admin-dropAccounts-success-debug")));
		assertThat(this.stub.template().admin().dropAccounts(List.of("NewAccount1"))).isEmpty();
	}

	@Test
	void readsTheDocumentedListServicesAnswer() {
		this.stub.answerEnvelope("listServices", answer(GoldenExamples.load("admin-listServices-with-token")));
		ServiceList services = this.stub.template().admin().listServices();
		assertThat(services.listeners()).extracting(ServiceInfo::serviceName)
			.containsExactly("http8080", "https8443", "mqtt1883", "mqtts8883");
		ServiceInfo https = services.service("HTTPS8443").orElseThrow();
		assertThat(https.port()).isEqualTo(8443);
		assertThat(https.protocol()).isEqualTo("https");
		assertThat(https.enabled()).isTrue();
		assertThat(https.certificateFilename()).isEqualTo("./web/fccert.pem");
		assertThat(https.state()).isNull();
		ServiceInfo http = services.service("http8080").orElseThrow();
		assertThat(http.enabled()).isFalse();
		assertThat(http.certificateFilename()).isNull();
		assertThat(services.details().path("listeners").size()).isEqualTo(4);
	}

	@Test
	void listServicesUsesTheSessionWhereFairComAlsoDocumentsARequestWithoutOne() {
		GoldenExample withoutSession = GoldenExamples.load("admin-listServices-no-auth-request");
		assertThat(withoutSession.request().has("authToken")).isFalse();
		this.stub.template().admin().listServices();
		assertThat(this.stub.request("listServices").get("authToken").stringValue()).isEqualTo(TOKEN);
	}

	@ParameterizedTest
	@EnumSource(ServiceCommand.class)
	void manageServiceSendsEachDocumentedCommand(ServiceCommand command) {
		this.stub.answerEnvelope("manageService", answer(GoldenExamples.load("admin-manageService-pause-debug")));
		this.stub.template().admin().manageService("modbus", command);
		JsonNode params = this.stub.request("manageService").get("params");
		assertThat(params.get("serviceName").stringValue()).isEqualTo("modbus");
		assertThat(params.get("command").stringValue()).isEqualTo(command.name().toLowerCase(Locale.ROOT));
		assertThat(params.size()).isEqualTo(2);
	}

	@Test
	void legacyInvalidTokenAnswerOfManageServiceReplaysTheCallOnANewSession() {
		this.stub.answerEnvelope("manageService",
				answer(GoldenExamples.load("admin-manageService-invalid-token-legacy")));
		this.stub.answerEnvelope("manageService", answer(GoldenExamples.load("admin-manageService-pause-debug")));
		this.stub.template().admin().manageService("modbus", ServiceCommand.PAUSE);
		assertThat(this.stub.requests("manageService")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.at("/params/command").stringValue()).isEqualTo("pause"));
	}

	private static Object ok(Runnable call) {
		call.run();
		return "ok";
	}

	/**
	 * A documented answer as the stub sends it: without the documentation's requestId and
	 * token placeholders, and with {@code errorCode} 0 where the copy was cut off before it.
	 */
	static String answer(GoldenExample example) {
		ObjectNode answer = (ObjectNode) example.requiredResponse().deepCopy();
		answer.remove("requestId");
		answer.remove("authToken");
		if (!answer.has("errorCode")) {
			answer.put("errorCode", 0);
		}
		return answer.toString();
	}

}
