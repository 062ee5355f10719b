package io.github.faircomclient.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's accounts; names are case-insensitive and keep their configured spelling.
 */
final class Accounts {

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	void add(String username, String password) {
		Objects.requireNonNull(password, "password");
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("An account needs a non-blank user name");
		}
		this.accounts.put(key(username), new Account(username, password));
	}

	boolean isEmpty() {
		return this.accounts.isEmpty();
	}

	@Nullable Account find(String username) {
		return this.accounts.get(key(username));
	}

	@Nullable Account authenticate(String username, String password) {
		Account account = find(username);
		if (account == null) {
			return null;
		}
		boolean matches = MessageDigest.isEqual(account.password().getBytes(StandardCharsets.UTF_8),
				password.getBytes(StandardCharsets.UTF_8));
		return matches ? account : null;
	}

	private static String key(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	record Account(String name, String password) {

		@Override
		public String toString() {
			return "Account[" + this.name + "]";
		}

	}

}
