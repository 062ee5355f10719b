package io.github.faircomclient.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The account and service operations of {@link AdminTemplate}: the answers they read
 * leniently (both documented role shapes, numbers as strings, the describeAccounts page's
 * bare account object), what they refuse before sending, and what they send for the
 * properties the documented examples do not show.
 */
class AdminAccountsTests {

	private final FairComStub stub = new FairComStub("stubSessionToken4d2f9a7c01b3e5");

	@AfterEach
	void close() {
		this.stub.close();
	}

	private AdminOperations admin() {
		return this.stub.template().admin();
	}

	@Test
	void readsTheDocumentedListAccountsFragmentWithRolesAsObjects() {
		this.stub.answer("listAccounts", "{\"accounts\": [{\"username\": \"admin\", \"accountDescription\": \"\", "
				+ "\"lockoutAfterNFailedAttempts\": 0, \"maxDaysBeforePasswordMustChange\": 0, "
				+ "\"maxMinutesBeforeNextLogin\": 0, \"memoryLimit\": 0, \"memoryRule\": \"default\", "
				+ "\"roles\": [{\"roleName\": \"ADMIN\"}]}]}");
		assertThat(admin().listAccounts()).singleElement().satisfies((account) -> {
			assertThat(account.username()).isEqualTo("admin");
			assertThat(account.accountDescription()).isEmpty();
			assertThat(account.roleNames()).containsExactly("ADMIN");
			assertThat(account.hasRole("admin")).isTrue();
			assertThat(account.hasRole("reader")).isFalse();
			assertThat(account.lockoutAfterNFailedAttempts()).isZero();
			assertThat(account.maxDaysBeforePasswordMustChange()).isZero();
			assertThat(account.maxMinutesBeforeNextLogin()).isZero();
			assertThat(account.memoryLimit()).isZero();
			assertThat(account.memoryRule()).isEqualTo("default");
			assertThat(account.enableDatetime()).isNull();
			assertThat(account.lastPasswordChange()).isNull();
			assertThat(account.metadata()).isNull();
		});
	}

	@Test
	void readsRolesInTheTableShapeTooAndNumbersWrittenAsStrings() {
		this.stub.answer("listAccounts", "{\"accounts\": ["
				+ "{\"username\": \"NEWACCOUNT1\", \"roleNames\": [\"ADMIN\", \"READER\"], "
				+ "\"roles\": [{\"roleName\": \"ADMIN\"}, \"AUDIT\", 7, {\"roleDescription\": \"none\"}], "
				+ "\"memoryLimit\": \"1048576\", \"lockoutAfterNFailedAttempts\": \"5\", "
				+ "\"maxDaysBeforePasswordMustChange\": \"soon\", \"maxMinutesBeforeNextLogin\": 1e99},"
				+ "{\"username\": \"NEWACCOUNT2\", \"rolenames\": [\"reader\"]}, 42, \"NEWACCOUNT3\"]}");
		List<AccountDescription> accounts = admin().listAccounts(List.of("NewAccount"));
		assertThat(this.stub.request("listAccounts").at("/params/partialNames").toString())
			.isEqualTo("[\"NewAccount\"]");
		assertThat(accounts).extracting(AccountDescription::username, AccountDescription::roleNames)
			.containsExactly(tuple("NEWACCOUNT1", List.of("ADMIN", "AUDIT", "READER")),
					tuple("NEWACCOUNT2", List.of("reader")));
		AccountDescription first = accounts.get(0);
		assertThat(first.memoryLimit()).isEqualTo(1048576L);
		assertThat(first.lockoutAfterNFailedAttempts()).isEqualTo(5);
		assertThat(first.maxDaysBeforePasswordMustChange()).isNull();
		assertThat(first.maxMinutesBeforeNextLogin()).isNull();
		assertThat(first.details().path("memoryLimit").stringValue()).isEqualTo("1048576");
	}

	@Test
	void readsTheDescribeAccountsPagesBareAccountObjectAndTheAccountsArray() {
		this.stub.answer("describeAccounts", "{\"username\": \"johndoe\", \"accountDescription\": \"\", "
				+ "\"lockoutAfterNFailedAttempts\": 0, \"maxDaysBeforePasswordMustChange\": 0, "
				+ "\"maxMinutesBeforeNextLogin\": 0, \"memoryLimit\": 0, \"memoryRule\": \"default\", "
				+ "\"lastPasswordChange\": \"2026-01-26T22:21:29\"}");
		this.stub.answer("describeAccounts", "{\"accounts\": [{\"username\": \"REPORTING\", "
				+ "\"enableDatetime\": \"2024-01-01\", \"disableDatetime\": \"\", \"metadata\": {\"team\": \"bi\"}, "
				+ "\"lastPasswordChange\": \"2026-01-26 22:21:29\", \"roleNames\": []}]}");
		assertThat(admin().describeAccounts()).singleElement().satisfies((account) -> {
			assertThat(account.username()).isEqualTo("johndoe");
			assertThat(account.lastPasswordChange()).isEqualTo(LocalDateTime.of(2026, 1, 26, 22, 21, 29));
			assertThat(account.roleNames()).isEmpty();
		});
		assertThat(this.stub.requests("describeAccounts").get(0).get("params").isEmpty()).isTrue();
		assertThat(admin().describeAccounts(List.of("reporting"))).singleElement().satisfies((account) -> {
			assertThat(account.enableDatetime()).isEqualTo("2024-01-01");
			assertThat(account.disableDatetime()).as("\"\" is no limit").isNull();
			assertThat(account.metadata().path("team").stringValue()).isEqualTo("bi");
			assertThat(account.lastPasswordChange()).isEqualTo(LocalDateTime.of(2026, 1, 26, 22, 21, 29));
			assertThat(account.toString()).contains("REPORTING").doesNotContain("details");
		});
	}

	@Test
	void anAnswerWithoutItsAccountsArrayIsAProtocolError() {
		this.stub.answer("listAccounts", "{}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listAccounts())
			.withMessageContaining("admin/listAccounts without a 'accounts' array (accounts is missing)")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
		this.stub.answer("listAccounts", "{\"username\": \"admin\"}");
		assertThatExceptionOfType(FairComProtocolException.class).as("only describeAccounts answers a bare account")
			.isThrownBy(() -> admin().listAccounts());
		this.stub.answer("describeAccounts", "{\"accounts\": {\"username\": \"admin\"}}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().describeAccounts())
			.withMessageContaining("(accounts is object)");
		this.stub.answer("describeAccounts", "[]");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().describeAccounts())
			.withMessageContaining("(the result is array)");
	}

	@Test
	void readsEveryGroupOfServicesAndWhatTheyReportLeniently() {
		this.stub.answer("listServices", "{\"listeners\": [{\"serviceName\": \"http8080\", \"port\": \"8080\", "
				+ "\"protocol\": \"http\", \"enabled\": \"true\"}, {\"serviceName\": \"odd\", \"port\": \"eighty\"}, "
				+ "{\"port\": 1}], \"apis\": [{\"serviceName\": \"db\", \"enabled\": true, \"state\": \"paused\"}], "
				+ "\"integrationServices\": [{\"serviceName\": \"modbus\", \"state\": \"running\"}], "
				+ "\"jsonActionApiDefaults\": {\"serviceName\": \"not a list\"}, \"mqtt\": [\"text\"]}");
		ServiceList services = admin().listServices();
		assertThat(services.services()).extracting(ServiceInfo::group, ServiceInfo::serviceName)
			.containsExactly(tuple("listeners", "http8080"), tuple("listeners", "odd"), tuple("apis", "db"),
					tuple("integrationServices", "modbus"));
		assertThat(services.listeners().get(0).port()).isEqualTo(8080);
		assertThat(services.listeners().get(0).enabled()).isTrue();
		assertThat(services.listeners().get(1).port()).isNull();
		assertThat(services.listeners().get(1).enabled()).isNull();
		assertThat(services.service("DB").orElseThrow().state()).isEqualTo("paused");
		assertThat(services.group("integrationServices")).extracting(ServiceInfo::state).containsExactly("running");
		assertThat(services.service("opcua")).isEmpty();
		assertThat(services.details().has("jsonActionApiDefaults")).isTrue();
		this.stub.answer("listServices", "{}");
		assertThat(admin().listServices().services()).isEmpty();
		this.stub.answer("listServices", "{\"listeners\": {\"serviceName\": \"http8080\"}}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listServices())
			.withMessageContaining("(listeners is object)");
		this.stub.answer("listServices", "\"running\"");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listServices())
			.withMessageContaining("(the result is string)");
	}

	@Test
	void sendsDatetimesClearedDatesAndMetadata() {
		admin().alterAccount("reporting", AccountProperties.builder()
			.enableDatetime(LocalDateTime.of(2027, 3, 1, 8, 30, 15, 999_000_000))
			.clearDisableDatetime()
			.metadata(Map.of("team", "bi", "seats", 3))
			.build());
		admin().alterAccount("reporting",
				AccountProperties.builder().clearEnableDatetime().disableDatetime(LocalDateTime.of(2027, 12, 31, 18, 0))
					.build());
		List<JsonNode> sent = this.stub.requests("alterAccount");
		JsonNode first = sent.get(0).get("params");
		assertThat(first.get("username").stringValue()).isEqualTo("reporting");
		assertThat(first.get("enableDatetime").stringValue()).isEqualTo("2027-03-01T08:30:15");
		assertThat(first.get("disableDatetime").stringValue()).isEmpty();
		assertThat(first.at("/metadata/team").stringValue()).isEqualTo("bi");
		assertThat(first.at("/metadata/seats").intValue()).isEqualTo(3);
		JsonNode second = sent.get(1).get("params");
		assertThat(second.get("enableDatetime").stringValue()).isEmpty();
		assertThat(second.get("disableDatetime").stringValue()).isEqualTo("2027-12-31T18:00:00");
		assertThat(second.size()).isEqualTo(3);
	}

	@Test
	void cloneAccountSendsOnlyWhatIsSet() {
		admin().cloneAccount(AccountClone.builder("reporting", "reporting2").cloneRoles(false).build());
		assertThat(this.stub.request("cloneAccount").get("params").toString())
			.isEqualTo("{\"sourceUsername\":\"reporting\",\"cloneUsername\":\"reporting2\",\"cloneRoles\":false}");
	}

	@Test
	void refusesWhatCannotBeSentWithoutSendingAnything() {
		AdminOperations admin = admin();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> admin.alterAccount("reporting", AccountProperties.none()))
			.withMessage("alterAccount needs at least one change");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.createAccount(" ", AccountProperties.none()));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.dropAccounts(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.dropAccounts(Arrays.asList("a", null)))
			.withMessage("'usernames' must not contain null");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.listAccounts(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.describeAccounts(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.manageService("", ServiceCommand.PAUSE));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.manageService("modbus", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AccountProperties.builder().lockoutAfterNFailedAttempts(-1))
			.withMessage("'lockoutAfterNFailedAttempts' must be zero or positive");
		assertThatIllegalArgumentException().isThrownBy(() -> AccountProperties.builder().memoryLimit(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> AccountProperties.builder().memoryRule(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> AccountClone.builder("a", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RoleAssignments.builder().add(List.of(), List.of("reporting")));
		assertThatIllegalStateException().isThrownBy(() -> RoleAssignments.builder().build())
			.withMessage("assignRolesToAccounts needs at least one role to add or remove");
		assertThat(this.stub.requests()).isEmpty();
	}

	@Test
	void propertiesAreImmutableOnceBuilt() {
		AccountProperties.Builder builder = AccountProperties.builder().accountDescription("first");
		AccountProperties properties = builder.build();
		builder.accountDescription("second").disableDatetime(LocalDate.of(2030, 1, 1));
		admin().createAccount("reporting", properties);
		assertThat(this.stub.request("createAccount").get("params").toString())
			.isEqualTo("{\"username\":\"reporting\",\"accountDescription\":\"first\"}");
		RoleAssignments.Builder roles = RoleAssignments.builder().add(List.of("admin"), List.of("a"));
		RoleAssignments assignments = roles.build();
		roles.remove(List.of("admin"), List.of("b")).add(List.of("reader"), List.of("c"));
		admin().assignRolesToAccounts(assignments);
		assertThat(this.stub.request("assignRolesToAccounts").get("params").toString())
			.isEqualTo("{\"add\":[{\"roleNames\":[\"admin\"],\"usernames\":[\"a\"]}]}");
	}

}
