package io.github.faircomclient.it.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.admin.AccountClone;
import io.github.faircomclient.admin.AccountDescription;
import io.github.faircomclient.admin.AccountProperties;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.RoleAssignments;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The typed account operations against the emulator over HTTP: an account created through
 * the API logs in with a template of its own, gets and loses rights through its roles,
 * changes its password, is disabled and enabled by its login period on the emulator's
 * clock, is cloned, and once dropped can no longer log in while its live session ends.
 */
class AccountIntegrationTests {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	private static final String PASSWORD = "Rep0rting-Passw0rd";

	private static final MutableEmulatorClock clock = EmulatorClock.fixed(START);

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static AdminOperations admin;

	private final List<FairComTemplate> accountTemplates = new ArrayList<>();

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).clock(clock).user("app", "secret").build().start();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		admin = template.admin();
	}

	@AfterAll
	static void stop() {
		template.close();
		emulator.stop();
	}

	@BeforeEach
	void resetClock() {
		clock.set(START);
	}

	@AfterEach
	void dropAccountsAndCloseTheirTemplates() {
		this.accountTemplates.forEach(FairComTemplate::close);
		List<String> created = admin.listAccounts()
			.stream()
			.map(AccountDescription::username)
			.filter((name) -> !name.equalsIgnoreCase("app"))
			.toList();
		if (!created.isEmpty()) {
			admin.dropAccounts(created);
		}
	}

	private FairComTemplate loginAs(String username, String password) {
		FairComTemplate account = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials(username, password)
			.keepalive(false)
			.build();
		this.accountTemplates.add(account);
		return account;
	}

	private void assertLoginRefused(String username, String password) {
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> loginAs(username, password).admin().pingSession())
			.withMessageNotContaining(password);
	}

	@Test
	void aCreatedAccountLogsInSeesOnlyItselfAndManagesNothingUntilItIsGivenTheAdminRole() {
		admin.createAccount("reporting", AccountProperties.builder()
			.password(PASSWORD)
			.accountDescription("BI reports")
			.maxDaysBeforePasswordMustChange(90)
			.memoryLimit(1048576)
			.metadata(Map.of("team", "bi"))
			.build());
		assertThat(admin.listAccounts(List.of("REP"))).singleElement().satisfies((account) -> {
			assertThat(account.username()).isEqualToIgnoringCase("reporting");
			assertThat(account.accountDescription()).isEqualTo("BI reports");
			assertThat(account.maxDaysBeforePasswordMustChange()).isEqualTo(90);
			assertThat(account.memoryLimit()).isEqualTo(1048576L);
			assertThat(account.roleNames()).isEmpty();
		});
		AdminOperations reporting = loginAs("reporting", PASSWORD).admin();
		AccountDescription own = reporting.describeAccounts().get(0);
		assertThat(own.username()).isEqualToIgnoringCase("reporting");
		assertThat(own.metadata().path("team").stringValue()).isEqualTo("bi");
		assertThat(own.lastPasswordChange()).isNotNull();
		assertThat(reporting.listAccounts()).extracting(AccountDescription::username)
			.singleElement()
			.satisfies((name) -> assertThat(name).isEqualToIgnoringCase("reporting"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> reporting.createAccount("other", AccountProperties.none()))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99062));
		admin.assignRolesToAccounts(RoleAssignments.builder().add(List.of("admin"), List.of("reporting")).build());
		assertThat(admin.describeAccounts(List.of("reporting"))).singleElement()
			.satisfies((account) -> assertThat(account.hasRole("admin")).isTrue());
		assertThat(reporting.listAccounts()).as("an ADMIN session sees every account").hasSize(2);
		reporting.createAccount("other", AccountProperties.none());
		admin.assignRolesToAccounts(RoleAssignments.builder().remove(List.of("ADMIN"), List.of("reporting")).build());
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> reporting.dropAccounts(List.of("other")))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99062));
	}

	@Test
	void aNewPasswordIsTheOnlyOneThatLogsInAndLiveSessionsKeepRunning() {
		admin.createAccount("reporting", AccountProperties.builder().password(PASSWORD).build());
		FairComTemplate reporting = loginAs("reporting", PASSWORD);
		reporting.admin().pingSession();
		admin.alterAccount("reporting", AccountProperties.builder().password("N3w-" + PASSWORD).build());
		reporting.admin().pingSession();
		assertLoginRefused("reporting", PASSWORD);
		loginAs("reporting", "N3w-" + PASSWORD).admin().pingSession();
	}

	@Test
	void aDisabledAccountCannotLogInUntilItsLoginPeriodAllowsItAgain() {
		admin.createAccount("reporting", AccountProperties.builder()
			.password(PASSWORD)
			.disableDatetime(LocalDate.of(2026, 3, 1))
			.build());
		assertLoginRefused("reporting", PASSWORD);
		admin.alterAccount("reporting", AccountProperties.builder().clearDisableDatetime().build());
		loginAs("reporting", PASSWORD).admin().pingSession();
		admin.alterAccount("reporting", AccountProperties.builder().enableDatetime(LocalDate.of(2026, 3, 4)).build());
		assertLoginRefused("reporting", PASSWORD);
		assertThat(admin.describeAccounts(List.of("reporting")).get(0).enableDatetime()).isEqualTo("2026-03-04");
		clock.advance(Duration.ofDays(2));
		loginAs("reporting", PASSWORD).admin().pingSession();
	}

	@Test
	void aCloneLogsInWithItsOwnPasswordAndKeepsTheRolesOfItsSource() {
		admin.createAccount("reporting", AccountProperties.builder()
			.password(PASSWORD)
			.lockoutAfterNFailedAttempts(5)
			.build());
		admin.assignRolesToAccounts(RoleAssignments.builder().add(List.of("auditor"), List.of("reporting")).build());
		admin.cloneAccount(AccountClone.builder("reporting", "reporting2")
			.password("Cl0ne-" + PASSWORD)
			.description("copy of reporting")
			.build());
		admin.cloneAccount(AccountClone.builder("reporting", "reporting3")
			.password("Cl0ne-" + PASSWORD)
			.cloneRoles(false)
			.build());
		assertThat(admin.describeAccounts(List.of("reporting2", "reporting3"))).satisfiesExactly((clone) -> {
			assertThat(clone.accountDescription()).isEqualTo("copy of reporting");
			assertThat(clone.lockoutAfterNFailedAttempts()).isEqualTo(5);
			assertThat(clone.roleNames()).containsExactly("AUDITOR");
		}, (withoutRoles) -> assertThat(withoutRoles.roleNames()).isEmpty());
		loginAs("reporting2", "Cl0ne-" + PASSWORD).admin().pingSession();
		assertLoginRefused("reporting2", PASSWORD);
	}

	@Test
	void aDroppedAccountLosesItsLiveSessionAndCannotLogInAgain() {
		admin.createAccount("reporting", AccountProperties.builder().password(PASSWORD).build());
		FairComTemplate reporting = loginAs("reporting", PASSWORD);
		reporting.admin().pingSession();
		assertThat(emulator.sessions()).anyMatch((session) -> session.username().equalsIgnoreCase("reporting"));
		List<FairComWarning> warnings = admin.dropAccounts(List.of("reporting", "ghost"));
		assertThat(warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo(101);
			assertThat(warning.message()).isEqualTo("Not able to remove account [GHOST] - ISAM error [0]");
		});
		assertThat(emulator.sessions()).noneMatch((session) -> session.username().equalsIgnoreCase("reporting"));
		assertThatExceptionOfType(FairComException.class).as("the session ended and the login is refused")
			.isThrownBy(() -> reporting.admin().pingSession())
			.isInstanceOf(FairComAuthenticationException.class);
		assertLoginRefused("reporting", PASSWORD);
		assertThat(admin.listAccounts(List.of("reporting"))).isEmpty();
		assertThat(admin.dropAccounts(List.of("reporting"))).extracting(FairComWarning::code).containsExactly(101);
	}

}
