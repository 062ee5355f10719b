package io.github.faircomclient.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's accounts: configured ones (administrators) and those made through the admin API. Names
 * are case-insensitive and keep their declared spelling. Reads are lock-free; changes that must see a
 * consistent set of accounts (create, clone, assign roles) run under one lock, which never covers I/O.
 */
final class Accounts {

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final ReentrantLock changes = new ReentrantLock();

	private final EmulatorClock clock;

	Accounts(EmulatorClock clock) {
		this.clock = clock;
	}

	/**
	 * Adds a configured account with the {@value Account#ADMIN_ROLE} role, or sets the password of an
	 * existing one (its other properties stay).
	 * @param username the name
	 * @param password the password
	 */
	void add(String username, String password) {
		Objects.requireNonNull(password, "password");
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("An account needs a non-blank user name");
		}
		this.changes.lock();
		try {
			Account existing = this.accounts.get(key(username));
			Account account = (existing != null) ? existing.withPassword(password, this.clock.now())
					: Account.of(username, password, this.clock.now()).withRoles(Set.of(Account.ADMIN_ROLE));
			this.accounts.put(key(username), account);
		}
		finally {
			this.changes.unlock();
		}
	}

	boolean isEmpty() {
		return this.accounts.isEmpty();
	}

	@Nullable Account find(String username) {
		return this.accounts.get(key(username));
	}

	/**
	 * The account whose password matches; an account without a password never matches.
	 * @return the account, or {@code null} for an unknown name or a wrong password
	 */
	@Nullable Account authenticate(String username, String password) {
		Account account = find(username);
		if (account == null || account.password().isEmpty()) {
			return null;
		}
		boolean matches = MessageDigest.isEqual(account.password().getBytes(StandardCharsets.UTF_8),
				password.getBytes(StandardCharsets.UTF_8));
		return matches ? account : null;
	}

	/**
	 * The account of the request's session, when it has the {@value Account#ADMIN_ROLE} role.
	 * @param context the request
	 * @return the account
	 * @throws ActionException {@link ProvisionalChoice#ADMIN_ROLE_REQUIRED}
	 */
	Account requireAdmin(ActionContext context) {
		Session session = context.requiredSession();
		Account account = find(session.username());
		if (account == null || !account.isAdmin()) {
			throw ActionException.of(ProvisionalChoice.ADMIN_ROLE_REQUIRED, context.action(), session.username());
		}
		return account;
	}

	/**
	 * Every account, sorted by name ignoring case.
	 * @return a snapshot
	 */
	List<Account> list() {
		List<Account> all = new ArrayList<>(this.accounts.values());
		all.sort(Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER));
		return all;
	}

	/**
	 * Adds a new account.
	 * @throws ActionException {@link ProvisionalChoice#ACCOUNT_EXISTS}
	 */
	void create(Account account) {
		this.changes.lock();
		try {
			if (this.accounts.putIfAbsent(key(account.name()), account) != null) {
				throw ActionException.of(ProvisionalChoice.ACCOUNT_EXISTS, account.name());
			}
		}
		finally {
			this.changes.unlock();
		}
	}

	/**
	 * Changes an existing account.
	 * @param username the account
	 * @param change the change
	 * @throws ActionException {@link ProvisionalChoice#ACCOUNT_NOT_FOUND}
	 */
	void alter(String username, UnaryOperator<Account> change) {
		this.changes.lock();
		try {
			this.accounts.put(key(username), change.apply(require(username)));
		}
		finally {
			this.changes.unlock();
		}
	}

	/**
	 * Adds a copy of an account under a new name.
	 * @param sourceUsername the account to copy
	 * @param copy makes the new account from the source
	 * @throws ActionException {@link ProvisionalChoice#ACCOUNT_NOT_FOUND} or {@link ProvisionalChoice#ACCOUNT_EXISTS}
	 */
	void cloneAccount(String sourceUsername, UnaryOperator<Account> copy) {
		this.changes.lock();
		try {
			create(copy.apply(require(sourceUsername)));
		}
		finally {
			this.changes.unlock();
		}
	}

	/**
	 * Removes an account.
	 * @return the removed account, or {@code null} when there was none
	 */
	@Nullable Account drop(String username) {
		this.changes.lock();
		try {
			return this.accounts.remove(key(username));
		}
		finally {
			this.changes.unlock();
		}
	}

	/**
	 * Adds and then removes roles, all or nothing: every named account must exist.
	 * @param additions the roles to add per account name
	 * @param removals the roles to remove per account name
	 * @throws ActionException {@link ProvisionalChoice#ACCOUNT_NOT_FOUND} (nothing changed)
	 */
	void assignRoles(List<RoleChange> additions, List<RoleChange> removals) {
		this.changes.lock();
		try {
			Map<String, Set<String>> roles = new LinkedHashMap<>();
			for (RoleChange change : concat(additions, removals)) {
				for (String username : change.usernames()) {
					roles.computeIfAbsent(key(username), (name) -> require(username).roles());
				}
			}
			for (RoleChange change : additions) {
				change.usernames().forEach((username) -> roles.get(key(username)).addAll(change.roleNames()));
			}
			for (RoleChange change : removals) {
				change.usernames().forEach((username) -> roles.get(key(username)).removeAll(change.roleNames()));
			}
			roles.forEach((name, newRoles) -> this.accounts.put(name, this.accounts.get(name).withRoles(newRoles)));
		}
		finally {
			this.changes.unlock();
		}
	}

	private Account require(String username) {
		Account account = find(username);
		if (account == null) {
			throw ActionException.of(ProvisionalChoice.ACCOUNT_NOT_FOUND, username);
		}
		return account;
	}

	private static List<RoleChange> concat(List<RoleChange> first, List<RoleChange> second) {
		List<RoleChange> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static String key(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Roles to give to or take from accounts: every role to every account.
	 * @param roleNames the roles, upper-case
	 * @param usernames the accounts
	 */
	record RoleChange(Set<String> roleNames, List<String> usernames) {

		RoleChange {
			roleNames = new TreeSet<>(roleNames);
			usernames = List.copyOf(usernames);
		}

	}

}
