package io.github.faircomclient.admin;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * An account as {@code listAccounts} and {@code describeAccounts} report it. Properties the
 * server did not report are {@code null} (FairCom documents the dates, {@code metadata}
 * and {@code lastPasswordChange} for {@code describeAccounts} only); {@link #details()}
 * holds everything it did. Servers never report passwords.
 *
 * @param username the account's name
 * @param accountDescription the account's description
 * @param roleNames the account's roles, upper-case as FairCom reports them, read from
 * {@code roles [{"roleName"}]} (the documented example) and {@code roleNames [...]} (the
 * documented property table) alike
 * @param lockoutAfterNFailedAttempts after how many failed logins the account is locked
 * @param maxDaysBeforePasswordMustChange after how many days the password must change
 * @param maxMinutesBeforeNextLogin within how many minutes the account must log in again
 * @param memoryLimit the memory the account's sessions may use
 * @param memoryRule how the memory limit applies
 * @param enableDatetime from when the account may log in, as the server wrote it
 * ({@code "2024-01-01"}), or {@code null} for no limit
 * @param disableDatetime until when the account may log in, as the server wrote it, or
 * {@code null} for no limit
 * @param metadata the account's metadata object, if it has any
 * @param lastPasswordChange when the password last changed (server time, no zone)
 * @param details the whole account object the server returned
 */
public record AccountDescription(String username, @Nullable String accountDescription, List<String> roleNames,
		@Nullable Integer lockoutAfterNFailedAttempts, @Nullable Integer maxDaysBeforePasswordMustChange,
		@Nullable Integer maxMinutesBeforeNextLogin, @Nullable Long memoryLimit, @Nullable String memoryRule,
		@Nullable String enableDatetime, @Nullable String disableDatetime, @Nullable JsonNode metadata,
		@Nullable LocalDateTime lastPasswordChange, JsonNode details) {

	/**
	 * Create an account description; the role names are copied.
	 * @param username the account's name
	 * @param accountDescription the account's description
	 * @param roleNames the account's roles
	 * @param lockoutAfterNFailedAttempts after how many failed logins the account is locked
	 * @param maxDaysBeforePasswordMustChange after how many days the password must change
	 * @param maxMinutesBeforeNextLogin within how many minutes the account must log in again
	 * @param memoryLimit the memory the account's sessions may use
	 * @param memoryRule how the memory limit applies
	 * @param enableDatetime from when the account may log in, or {@code null}
	 * @param disableDatetime until when the account may log in, or {@code null}
	 * @param metadata the account's metadata object or {@code null}
	 * @param lastPasswordChange when the password last changed or {@code null}
	 * @param details the whole account object the server returned
	 */
	public AccountDescription {
		roleNames = List.copyOf(roleNames);
	}

	/**
	 * Return whether the account has a role, ignoring case (FairCom's examples assign
	 * {@code admin} and report {@code ADMIN}).
	 * @param roleName the role
	 * @return whether the account has it
	 */
	public boolean hasRole(String roleName) {
		return this.roleNames.stream().anyMatch(roleName::equalsIgnoreCase);
	}

	@Override
	public String toString() {
		return "AccountDescription[username=" + this.username + ", accountDescription=" + this.accountDescription
				+ ", roleNames=" + this.roleNames + ", enableDatetime=" + this.enableDatetime + ", disableDatetime="
				+ this.disableDatetime + ", lastPasswordChange=" + this.lastPasswordChange + "]";
	}

}
