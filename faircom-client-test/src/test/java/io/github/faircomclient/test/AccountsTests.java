package io.github.faircomclient.test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.faircomclient.test.Accounts.RoleChange;
import io.github.faircomclient.test.spi.ActionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountsTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private final MutableEmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));

	private final Accounts accounts = new Accounts(this.clock);

	@Test
	void configuredAccountsAreAdministratorsAndKeepTheirPropertiesWhenTheirPasswordChanges() {
		this.accounts.add("jim", "one");
		this.accounts.alter("JIM", (account) -> account.withRoles(Set.of("ADMIN", "READER")));
		this.clock.advanceSeconds(60);
		this.accounts.add("Jim", "two");
		Account jim = this.accounts.find("jIM");
		assertThat(jim.name()).isEqualTo("jim");
		assertThat(jim.roles()).containsExactly("ADMIN", "READER");
		assertThat(jim.isAdmin()).isTrue();
		assertThat(jim.lastPasswordChange()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
		assertThat(this.accounts.authenticate("JIM", "two")).isSameAs(jim);
		assertThat(this.accounts.authenticate("jim", "one")).isNull();
		assertThat(this.accounts.authenticate("nobody", "two")).isNull();
	}

	@Test
	void anAccountWithoutPasswordNeverMatchesAPassword() {
		this.accounts.create(Account.of("CertOnly", "", this.clock.now()));
		assertThat(this.accounts.authenticate("certonly", "")).isNull();
		assertThat(this.accounts.find("CERTONLY")).isNotNull();
	}

	@Test
	void createRefusesANameThatExistsInAnyCase() {
		this.accounts.create(Account.of("NewAccount1", "pw", this.clock.now()));
		assertThatExceptionOfType(ActionException.class)
			.isThrownBy(() -> this.accounts.create(Account.of("NEWACCOUNT1", "other", this.clock.now())))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99060))
			.withMessage("Account 'NEWACCOUNT1' already exists.");
		assertThat(this.accounts.authenticate("newaccount1", "pw")).isNotNull();
	}

	@Test
	void alterAndCloneOfAMissingAccountChangeNothing() {
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> this.accounts.alter("ghost", (account) -> account))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99061))
			.withMessage("Account 'ghost' does not exist.");
		assertThatExceptionOfType(ActionException.class)
			.isThrownBy(() -> this.accounts.cloneAccount("ghost", (account) -> account.cloneAs("copy", "", true, "", null,
					this.clock.now())))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99061));
		assertThat(this.accounts.list()).isEmpty();
	}

	@Test
	void cloneCopiesLoginPropertiesAndRolesUnderTheNewNameOnly() {
		Account source = new Account("Source", "pw", "the source", "2024-01-01", "2030-12-31", 5, 14, 3, 1048576, "absolute",
				null, new TreeSet<>(Set.of("ADMIN", "READER")),
				this.clock.now());
		this.accounts.create(source);
		this.clock.advanceSeconds(5);
		this.accounts.cloneAccount("source",
				(account) -> account.cloneAs("Copy", "secret", true, "cloned", null, this.clock.now()));
		this.accounts.cloneAccount("source",
				(account) -> account.cloneAs("Bare", "secret", false, "", null, this.clock.now()));
		Account copy = this.accounts.find("copy");
		assertThat(copy.name()).isEqualTo("Copy");
		assertThat(copy.description()).isEqualTo("cloned");
		assertThat(copy.enableDatetime()).isEqualTo("2024-01-01");
		assertThat(copy.disableDatetime()).isEqualTo("2030-12-31");
		assertThat(copy.lockoutAfterNFailedAttempts()).isEqualTo(5);
		assertThat(copy.maxDaysBeforePasswordMustChange()).isEqualTo(14);
		assertThat(copy.maxMinutesBeforeNextLogin()).isEqualTo(3);
		assertThat(copy.memoryLimit()).isEqualTo(1048576);
		assertThat(copy.memoryRule()).isEqualTo("absolute");
		assertThat(copy.roles()).containsExactly("ADMIN", "READER");
		assertThat(copy.lastPasswordChange()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
		assertThat(this.accounts.find("bare").roles()).isEmpty();
		assertThat(this.accounts.authenticate("source", "pw")).isEqualTo(source);
		assertThatExceptionOfType(ActionException.class)
			.isThrownBy(() -> this.accounts.cloneAccount("source",
					(account) -> account.cloneAs("COPY", "x", true, "", null, this.clock.now())))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99060));
	}

	@Test
	void assignRolesAddsThenRemovesAllOrNothing() {
		this.accounts.create(Account.of("a", "pw", this.clock.now()));
		this.accounts.create(Account.of("b", "pw", this.clock.now()).withRoles(Set.of("ADMIN")));
		this.accounts.assignRoles(List.of(new RoleChange(Set.of("ADMIN", "READER"), List.of("a", "B"))),
				List.of(new RoleChange(Set.of("ADMIN"), List.of("b"))));
		assertThat(this.accounts.find("a").roles()).containsExactly("ADMIN", "READER");
		assertThat(this.accounts.find("b").roles()).containsExactly("READER");
		assertThatExceptionOfType(ActionException.class)
			.isThrownBy(() -> this.accounts.assignRoles(List.of(new RoleChange(Set.of("WRITER"), List.of("a", "ghost"))),
					List.of()))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99061))
			.withMessage("Account 'ghost' does not exist.");
		assertThat(this.accounts.find("a").roles()).as("nothing changed").containsExactly("ADMIN", "READER");
	}

	@Test
	void dropRemovesTheAccountOnce() {
		this.accounts.create(Account.of("gone", "pw", this.clock.now()));
		assertThat(this.accounts.drop("GONE").name()).isEqualTo("gone");
		assertThat(this.accounts.drop("gone")).isNull();
		assertThat(this.accounts.authenticate("gone", "pw")).isNull();
	}

	@Test
	void listIsSortedIgnoringCase() {
		this.accounts.add("zed", "pw");
		this.accounts.add("Adam", "pw");
		this.accounts.create(Account.of("bob", "pw", this.clock.now()));
		assertThat(this.accounts.list()).extracting(Account::name).containsExactly("Adam", "bob", "zed");
	}

	@ParameterizedTest
	@CsvSource({ "'', '', 2024-05-05T12:00:00Z, true", "2024-01-01, '', 2023-12-31T23:59:59Z, false",
			"2024-01-01, '', 2024-01-01T00:00:00Z, true", "'', 2024-12-31, 2024-12-31T23:59:59Z, true",
			"'', 2024-12-31, 2025-01-01T00:00:00Z, false", "'', 2024-12-31T12:00, 2024-12-31T12:00:00Z, true",
			"'', 2024-12-31T12:00, 2024-12-31T12:00:01Z, false", "2024-06-01T08:30:00, '', 2024-06-01T08:29:59Z, false",
			"2024-06-01 08:30:00, '', 2024-06-01T08:30:00Z, true" })
	void loginWindowRunsFromEnableToTheEndOfDisable(String enable, String disable, Instant now, boolean enabled) {
		Account account = new Account("a", "pw", "", enable, disable, 0, 0, 0, 0, "default", null, new TreeSet<>(),
				now);
		assertThat(account.isEnabledAt(now, UTC)).isEqualTo(enabled);
	}

	@Test
	void loginWindowIsReadInTheClocksZone() {
		Account account = new Account("a", "pw", "", "", "2024-12-31", 0, 0, 0, 0, "default", null, new TreeSet<>(),
				Instant.EPOCH);
		Instant newYearInBerlin = Instant.parse("2024-12-31T23:30:00Z");
		assertThat(account.isEnabledAt(newYearInBerlin, UTC)).isTrue();
		assertThat(account.isEnabledAt(newYearInBerlin, ZoneId.of("Europe/Berlin"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2024-01-01", "2024-01-01T10:15", "2024-01-01T10:15:30", "2024-01-01 10:15:30.123",
			"0336-10-08" })
	void acceptsDocumentedDates(String value) {
		assertThat(Account.isValidDatetime(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-13-01", "01/01/2024", "tomorrow", "2024-01-01T25:00", "0336-10-07", "2024-1-1" })
	void refusesOtherDates(String value) {
		assertThat(Account.isValidDatetime(value)).isFalse();
	}

	@Test
	void toStringHidesThePassword() {
		Account account = Account.of("jim", "s3cret-value", this.clock.now());
		assertThat(account.toString()).contains("jim").doesNotContain("s3cret-value");
	}

}
