package io.github.faircomclient.test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One account of the emulator, immutable: the documented createAccount properties, the roles assigned
 * with assignRolesToAccounts, and when the password was last set. {@link #toString()} shows the name only.
 *
 * @param name the account name in its declared spelling (lookups ignore case)
 * @param password the password; empty means no password login (client certificate only)
 * @param description {@code accountDescription}
 * @param enableDatetime {@code enableDatetime} as given, {@code ""} for none
 * @param disableDatetime {@code disableDatetime} as given, {@code ""} for none
 * @param lockoutAfterNFailedAttempts stored and reported
 * @param maxDaysBeforePasswordMustChange stored and reported
 * @param maxMinutesBeforeNextLogin stored and reported
 * @param memoryLimit stored and reported
 * @param memoryRule stored and reported
 * @param metadata the account's metadata object, or {@code null} when none was set
 * @param roles the role names, upper-case, sorted
 * @param lastPasswordChange when the password was set (emulator clock)
 */
record Account(String name, String password, String description, String enableDatetime, String disableDatetime,
		int lockoutAfterNFailedAttempts, int maxDaysBeforePasswordMustChange, int maxMinutesBeforeNextLogin,
		long memoryLimit, String memoryRule, @Nullable ObjectNode metadata, SortedSet<String> roles,
		Instant lastPasswordChange) {

	/** The role that may manage accounts and services. */
	static final String ADMIN_ROLE = "ADMIN";

	/** The accepted memoryRule values (lower case). */
	static final Set<String> MEMORY_RULES = Set.of("default", "absolute", "guideline");

	private static final LocalDate EARLIEST = LocalDate.of(336, 10, 7);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss][.SSS]",
			Locale.ROOT);

	Account {
		roles = new TreeSet<>(roles);
		metadata = (metadata != null) ? metadata.deepCopy() : null;
	}

	/**
	 * A new account with the documented defaults and no roles.
	 * @param name the name
	 * @param password the password
	 * @param now when the password is set
	 * @return the account
	 */
	static Account of(String name, String password, Instant now) {
		return new Account(name, password, "", "", "", 0, 0, 0, 0, "default", null, new TreeSet<>(), now);
	}

	@Override
	public SortedSet<String> roles() {
		return new TreeSet<>(this.roles);
	}

	@Override
	public @Nullable ObjectNode metadata() {
		return (this.metadata != null) ? this.metadata.deepCopy() : null;
	}

	/**
	 * Whether the account has the {@value #ADMIN_ROLE} role.
	 * @return {@code true} for administrators
	 */
	boolean isAdmin() {
		return this.roles.contains(ADMIN_ROLE);
	}

	/**
	 * Whether the account may log in at an instant: not before {@code enableDatetime}, not after
	 * {@code disableDatetime} (a date alone means the whole day), both read in the given zone.
	 * @param now the instant
	 * @param zone the zone of the dates
	 * @return {@code true} when enabled
	 */
	boolean isEnabledAt(Instant now, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(now, zone);
		if (!this.enableDatetime.isEmpty() && local.isBefore(start(this.enableDatetime))) {
			return false;
		}
		return this.disableDatetime.isEmpty() || local.isBefore(end(this.disableDatetime));
	}

	Account withPassword(String newPassword, Instant now) {
		return new Account(this.name, newPassword, this.description, this.enableDatetime, this.disableDatetime,
				this.lockoutAfterNFailedAttempts, this.maxDaysBeforePasswordMustChange, this.maxMinutesBeforeNextLogin,
				this.memoryLimit, this.memoryRule, this.metadata, this.roles, now);
	}

	Account withRoles(Collection<String> newRoles) {
		return new Account(this.name, this.password, this.description, this.enableDatetime, this.disableDatetime,
				this.lockoutAfterNFailedAttempts, this.maxDaysBeforePasswordMustChange, this.maxMinutesBeforeNextLogin,
				this.memoryLimit, this.memoryRule, this.metadata, new TreeSet<>(newRoles), this.lastPasswordChange);
	}

	/**
	 * A copy under a new name with a new password, the same login properties and optionally the same roles;
	 * description and metadata as given (cloneAccount).
	 */
	Account cloneAs(String newName, String newPassword, boolean withRoles, String newDescription,
			@Nullable ObjectNode newMetadata, Instant now) {
		return new Account(newName, newPassword, newDescription, this.enableDatetime, this.disableDatetime,
				this.lockoutAfterNFailedAttempts, this.maxDaysBeforePasswordMustChange, this.maxMinutesBeforeNextLogin,
				this.memoryLimit, this.memoryRule, newMetadata, withRoles ? this.roles : new TreeSet<>(), now);
	}

	/**
	 * Checks a date property value: {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM[:SS[.fff]]} after
	 * 0336-10-07, or {@code ""} for none.
	 * @param value the value
	 * @return whether it is valid
	 */
	static boolean isValidDatetime(String value) {
		if (value.isEmpty()) {
			return true;
		}
		try {
			return start(value).toLocalDate().isAfter(EARLIEST);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * The role name as stored: trimmed, upper-case.
	 * @param role the name as sent
	 * @return the stored name
	 */
	static String roleName(String role) {
		return role.trim().toUpperCase(Locale.ROOT);
	}

	private static LocalDateTime start(String value) {
		String text = value.trim();
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay();
		}
		return LocalDateTime.parse(text, DATE_TIME);
	}

	private static LocalDateTime end(String value) {
		String text = value.trim();
		if (text.length() == 10) {
			return LocalDate.parse(text).plusDays(1).atStartOfDay();
		}
		return LocalDateTime.parse(text, DATE_TIME).plusNanos(1);
	}

	@Override
	public String toString() {
		return "Account[" + this.name + ", roles=" + this.roles + "]";
	}

}
