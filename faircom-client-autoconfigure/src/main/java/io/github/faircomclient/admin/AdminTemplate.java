package io.github.faircomclient.admin;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComWarning;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The implementation of {@link AdminOperations} on top of
 * {@link FairComOperations#execute(FairComRequest)}. Thread-safe.
 */
public class AdminTemplate implements AdminOperations {

	private static final String API = "admin";

	private final FairComOperations operations;

	/**
	 * Create admin operations.
	 * @param operations the operations that run the actions
	 */
	public AdminTemplate(FairComOperations operations) {
		Assert.notNull(operations, "'operations' must not be null");
		this.operations = operations;
	}

	@Override
	public void pingSession() {
		execute("pingSession", null);
	}

	@Override
	public List<SessionSummary> listSessions() {
		return AdminResults.sessionSummaries(execute("listSessions", null));
	}

	@Override
	public List<SessionSummary> listSessions(Collection<String> usernames) {
		Assert.notEmpty(usernames, "'usernames' must not be empty");
		return AdminResults.sessionSummaries(execute("listSessions", strings("usernameFilter", usernames)));
	}

	@Override
	public List<SessionDescription> describeSessions() {
		return AdminResults.sessionDescriptions(execute("describeSessions", null));
	}

	@Override
	public List<SessionDescription> describeSessions(Collection<String> authTokens) {
		Assert.notEmpty(authTokens, "'authTokens' must not be empty");
		return AdminResults.sessionDescriptions(execute("describeSessions", strings("authTokens", authTokens)));
	}

	@Override
	public SessionDescription alterSession(SessionChanges changes) {
		Assert.notNull(changes, "'changes' must not be null");
		return AdminResults.session(execute("alterSession", changes.toParams()).result());
	}

	@Override
	public void createAccount(String username, AccountProperties properties) {
		Assert.hasText(username, "'username' must not be empty");
		Assert.notNull(properties, "'properties' must not be null");
		execute("createAccount", properties.toParams(username));
	}

	@Override
	public void alterAccount(String username, AccountProperties changes) {
		Assert.hasText(username, "'username' must not be empty");
		Assert.notNull(changes, "'changes' must not be null");
		Assert.isTrue(!changes.isEmpty(), "alterAccount needs at least one change");
		execute("alterAccount", changes.toParams(username));
	}

	@Override
	public List<FairComWarning> dropAccounts(Collection<String> usernames) {
		Assert.notEmpty(usernames, "'usernames' must not be empty");
		FairComRequest request = FairComRequest.builder("dropAccounts")
			.api(API)
			.params(strings("usernames", usernames))
			.debug("max")
			.build();
		return this.operations.execute(request).warnings();
	}

	@Override
	public void cloneAccount(AccountClone clone) {
		Assert.notNull(clone, "'clone' must not be null");
		execute("cloneAccount", clone.toParams());
	}

	@Override
	public List<AccountDescription> listAccounts() {
		return AdminResults.accounts(execute("listAccounts", null), false);
	}

	@Override
	public List<AccountDescription> listAccounts(Collection<String> partialNames) {
		Assert.notEmpty(partialNames, "'partialNames' must not be empty");
		return AdminResults.accounts(execute("listAccounts", strings("partialNames", partialNames)), false);
	}

	@Override
	public List<AccountDescription> describeAccounts() {
		return AdminResults.accounts(execute("describeAccounts", null), true);
	}

	@Override
	public List<AccountDescription> describeAccounts(Collection<String> usernames) {
		Assert.notEmpty(usernames, "'usernames' must not be empty");
		return AdminResults.accounts(execute("describeAccounts", strings("usernames", usernames)), true);
	}

	@Override
	public void assignRolesToAccounts(RoleAssignments assignments) {
		Assert.notNull(assignments, "'assignments' must not be null");
		execute("assignRolesToAccounts", assignments.toParams());
	}

	@Override
	public ServiceList listServices() {
		return AdminResults.services(execute("listServices", null));
	}

	@Override
	public void manageService(String serviceName, ServiceCommand command) {
		Assert.hasText(serviceName, "'serviceName' must not be empty");
		Assert.notNull(command, "'command' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.put("serviceName", serviceName);
		params.put("command", command.wireName());
		execute("manageService", params);
	}

	private static ObjectNode strings(String field, Collection<String> values) {
		Assert.noNullElements(values, () -> "'" + field + "' must not contain null");
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		ArrayNode array = params.putArray(field);
		values.forEach(array::add);
		return params;
	}

	private FairComResponse execute(String action, @Nullable ObjectNode params) {
		return this.operations.execute(FairComRequest.builder(action).api(API).params(params).build());
	}

	@Override
	public String toString() {
		return "AdminTemplate[" + this.operations + "]";
	}

}
