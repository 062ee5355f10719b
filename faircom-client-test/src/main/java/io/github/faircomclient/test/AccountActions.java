package io.github.faircomclient.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.github.faircomclient.test.Accounts.RoleChange;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Parameters;
import io.github.faircomclient.test.spi.Session;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's account actions: createAccount, alterAccount, dropAccounts, cloneAccount, listAccounts,
 * describeAccounts and assignRolesToAccounts. Passwords are validated by length only and never appear in
 * an answer or an error message.
 */
final class AccountActions {

	/** FairCom's warning code for dropAccounts of a missing account. */
	static final int DROP_MISSING_CODE = 101;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private static final int MAX_NAME_BYTES = 64;

	private static final int MAX_PASSWORD_BYTES = 256;

	private static final int MAX_TEXT_BYTES = 65_500;

	private final Accounts accounts;

	private final SessionRegistry sessions;

	AccountActions(Accounts accounts, SessionRegistry sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	void registerIn(ActionRegistry registry) {
		registry.register(AdminActions.API, "createAccount", this::createAccount);
		registry.register(AdminActions.API, "alterAccount", this::alterAccount);
		registry.register(AdminActions.API, "dropAccounts", this::dropAccounts);
		registry.register(AdminActions.API, "cloneAccount", this::cloneAccount);
		registry.register(AdminActions.API, "listAccounts", this::listAccounts);
		registry.register(AdminActions.API, "describeAccounts", this::describeAccounts);
		registry.register(AdminActions.API, "assignRolesToAccounts", this::assignRolesToAccounts);
	}

	private ActionResult createAccount(ActionContext context) {
		this.accounts.requireAdmin(context);
		Parameters params = context.params();
		String username = name(params.requiredString("username"), "username");
		String password = password(params, "password").orElse("");
		UnaryOperator<Account> properties = propertyChanges(params);
		this.accounts.create(properties.apply(Account.of(username, password, context.clock().now())));
		return ActionResult.successWithoutResult();
	}

	private ActionResult alterAccount(ActionContext context) {
		this.accounts.requireAdmin(context);
		Parameters params = context.params();
		String username = name(params.requiredString("username"), "username");
		Optional<String> password = password(params, "password");
		UnaryOperator<Account> properties = propertyChanges(params);
		Instant now = context.clock().now();
		this.accounts.alter(username, (account) -> {
			Account changed = properties.apply(account);
			return password.map((secret) -> changed.withPassword(secret, now)).orElse(changed);
		});
		return ActionResult.successWithoutResult();
	}

	private ActionResult dropAccounts(ActionContext context) {
		this.accounts.requireAdmin(context);
		List<String> usernames = names(context.params(), "usernames");
		ActionResult answer = ActionResult.successWithoutResult();
		for (String username : usernames) {
			Account dropped = this.accounts.drop(username);
			if (dropped == null) {
				answer = answer.withWarning(DROP_MISSING_CODE,
						"Not able to remove account [" + username.trim().toUpperCase(Locale.ROOT) + "] - ISAM error [0]");
			}
			else {
				this.sessions.endSessionsOf(dropped.name());
			}
		}
		return answer;
	}

	private ActionResult cloneAccount(ActionContext context) {
		this.accounts.requireAdmin(context);
		Parameters params = context.params();
		String source = name(params.requiredString("sourceUsername"), "sourceUsername");
		String clone = name(params.requiredString("cloneUsername"), "cloneUsername");
		String password = password(params, "clonePassword").orElse("");
		boolean withRoles = params.bool("cloneRoles").orElse(true);
		String description = text(params, "cloneDescription").orElse("");
		ObjectNode metadata = params.object("cloneMetadata").map((value) -> metadata(value, "cloneMetadata")).orElse(null);
		Instant now = context.clock().now();
		this.accounts.cloneAccount(source,
				(account) -> account.cloneAs(clone, password, withRoles, description, metadata, now));
		return ActionResult.successWithoutResult();
	}

	private ActionResult listAccounts(ActionContext context) {
		Session session = context.requiredSession();
		List<String> prefixes = context.params().stringList("partialNames").orElse(List.of());
		ObjectNode result = NODES.objectNode();
		ArrayNode list = result.putArray("accounts");
		for (Account account : this.accounts.list()) {
			if (maySee(session, account) && (prefixes.isEmpty() || prefixes.stream().anyMatch((prefix) -> account.name()
				.regionMatches(true, 0, prefix, 0, prefix.length())))) {
				list.add(summary(account));
			}
		}
		return ActionResult.success(result);
	}

	private ActionResult describeAccounts(ActionContext context) {
		Session session = context.requiredSession();
		List<String> usernames = names(context.params(), "usernames");
		if (usernames.isEmpty()) {
			usernames = List.of(session.username());
		}
		ObjectNode result = NODES.objectNode();
		ArrayNode list = result.putArray("accounts");
		List<String> missing = new ArrayList<>();
		for (String username : usernames) {
			Account account = this.accounts.find(username);
			if (account != null && maySee(session, account)) {
				list.add(describe(account, context));
			}
			else {
				missing.add(username);
			}
		}
		ActionResult answer = ActionResult.success(result);
		for (String username : missing) {
			answer = answer.withWarning(ProvisionalChoice.ACCOUNT_NOT_FOUND.errorCode(),
					ProvisionalChoice.ACCOUNT_NOT_FOUND.message(username));
		}
		return answer;
	}

	private ActionResult assignRolesToAccounts(ActionContext context) {
		this.accounts.requireAdmin(context);
		List<RoleChange> additions = roleChanges(context.params(), "add");
		List<RoleChange> removals = roleChanges(context.params(), "remove");
		this.accounts.assignRoles(additions, removals);
		return ActionResult.successWithoutResult();
	}

	private boolean maySee(Session session, Account account) {
		if (account.name().equalsIgnoreCase(session.username())) {
			return true;
		}
		Account caller = this.accounts.find(session.username());
		return caller != null && caller.isAdmin();
	}

	private static ObjectNode summary(Account account) {
		ObjectNode node = NODES.objectNode();
		node.put("username", account.name());
		node.put("accountDescription", account.description());
		node.put("lockoutAfterNFailedAttempts", account.lockoutAfterNFailedAttempts());
		node.put("maxDaysBeforePasswordMustChange", account.maxDaysBeforePasswordMustChange());
		node.put("maxMinutesBeforeNextLogin", account.maxMinutesBeforeNextLogin());
		node.put("memoryLimit", account.memoryLimit());
		node.put("memoryRule", account.memoryRule());
		ArrayNode roles = node.putArray("roles");
		ArrayNode roleNames = node.putArray("roleNames");
		for (String role : account.roles()) {
			roles.addObject().put("roleName", role);
			roleNames.add(role);
		}
		return node;
	}

	private static ObjectNode describe(Account account, ActionContext context) {
		ObjectNode node = summary(account);
		node.put("enableDatetime", account.enableDatetime());
		node.put("disableDatetime", account.disableDatetime());
		ObjectNode metadata = account.metadata();
		if (metadata != null) {
			node.set("metadata", metadata);
		}
		node.put("lastPasswordChange",
				TIMESTAMP.format(LocalDateTime.ofInstant(account.lastPasswordChange(), context.clock().zone())));
		return node;
	}

	/**
	 * Reads and checks the documented account properties other than username and password; the returned
	 * function applies the given ones (omitted or {@code null} = unchanged).
	 */
	private static UnaryOperator<Account> propertyChanges(Parameters params) {
		Optional<String> description = text(params, "accountDescription");
		Optional<String> enable = datetime(params, "enableDatetime");
		Optional<String> disable = datetime(params, "disableDatetime");
		OptionalInt lockout = range(params, "lockoutAfterNFailedAttempts", Integer.MAX_VALUE);
		OptionalInt maxDays = range(params, "maxDaysBeforePasswordMustChange", Integer.MAX_VALUE);
		OptionalInt maxMinutes = range(params, "maxMinutesBeforeNextLogin", 35_791_394);
		OptionalInt memoryLimit = range(params, "memoryLimit", Integer.MAX_VALUE);
		Optional<String> memoryRule = params.string("memoryRule").map(AccountActions::memoryRule);
		Optional<ObjectNode> metadata = params.object("metadata").map((value) -> metadata(value, "metadata"));
		return (account) -> new Account(account.name(), account.password(), description.orElse(account.description()),
				enable.orElse(account.enableDatetime()), disable.orElse(account.disableDatetime()),
				lockout.orElse(account.lockoutAfterNFailedAttempts()),
				maxDays.orElse(account.maxDaysBeforePasswordMustChange()),
				maxMinutes.orElse(account.maxMinutesBeforeNextLogin()),
				memoryLimit.isPresent() ? memoryLimit.getAsInt() : account.memoryLimit(),
				memoryRule.orElse(account.memoryRule()), metadata.isPresent() ? metadata.get() : account.metadata(),
				account.roles(), account.lastPasswordChange());
	}

	private static List<RoleChange> roleChanges(Parameters params, String name) {
		Optional<ArrayNode> array = params.array(name);
		List<RoleChange> changes = new ArrayList<>();
		if (array.isEmpty()) {
			return changes;
		}
		for (int i = 0; i < array.get().size(); i++) {
			String path = name + "[" + i + "]";
			if (!(array.get().get(i) instanceof ObjectNode element)) {
				throw ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, "params." + path,
						"an object {roleNames, usernames}");
			}
			Parameters change = new Parameters(element);
			String rolesKey = (!change.has("roleNames") && change.has("rolenames")) ? "rolenames" : "roleNames";
			Set<String> roles = new LinkedHashSet<>();
			for (String role : change.stringList(rolesKey)
				.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, path + ".roleNames"))) {
				roles.add(Account.roleName(name(role, path + ".roleNames")));
			}
			List<String> usernames = change.stringList("usernames")
				.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, path + ".usernames"));
			usernames.forEach((username) -> name(username, path + ".usernames"));
			changes.add(new RoleChange(roles, usernames));
		}
		return changes;
	}

	private static List<String> names(Parameters params, String name) {
		List<String> names = params.stringList(name).orElse(List.of());
		names.forEach((value) -> name(value, name));
		return names;
	}

	/**
	 * Checks an account or role name: not blank, at most 64 bytes. The value is not quoted in the error.
	 */
	private static String name(String value, String property) {
		if (value.isBlank()) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + property, "a name must not be empty");
		}
		if (bytes(value) > MAX_NAME_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + property,
					"a name has at most " + MAX_NAME_BYTES + " bytes");
		}
		return value.trim();
	}

	private static Optional<String> password(Parameters params, String name) {
		Optional<String> password = params.string(name);
		if (password.isPresent() && bytes(password.get()) > MAX_PASSWORD_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"a password has at most " + MAX_PASSWORD_BYTES + " bytes");
		}
		return password;
	}

	private static Optional<String> text(Parameters params, String name) {
		Optional<String> text = params.string(name);
		if (text.isPresent() && bytes(text.get()) > MAX_TEXT_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"at most " + MAX_TEXT_BYTES + " bytes");
		}
		return text;
	}

	private static Optional<String> datetime(Parameters params, String name) {
		Optional<String> value = params.string(name);
		if (value.isPresent() && !Account.isValidDatetime(value.get())) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"use \"YYYY-MM-DD\" or \"YYYY-MM-DDTHH:MM:SS\" after 0336-10-07, or \"\" for none");
		}
		return value.map(String::trim);
	}

	private static OptionalInt range(Parameters params, String name, int maximum) {
		OptionalInt value = params.integer(name);
		if (value.isPresent() && (value.getAsInt() < 0 || value.getAsInt() > maximum)) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					value.getAsInt() + "; use 0 to " + maximum);
		}
		return value;
	}

	private static String memoryRule(String value) {
		String rule = value.trim().toLowerCase(Locale.ROOT);
		if (!Account.MEMORY_RULES.contains(rule)) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.memoryRule",
					"use \"default\", \"absolute\" or \"guideline\"");
		}
		return rule;
	}

	private static ObjectNode metadata(ObjectNode value, String name) {
		if (bytes(value.toString()) > MAX_TEXT_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"at most " + MAX_TEXT_BYTES + " bytes of JSON");
		}
		return value.deepCopy();
	}

	private static int bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8).length;
	}

}
