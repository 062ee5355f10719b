package io.github.faircomclient.admin;

import java.util.Collection;
import java.util.List;

import io.github.faircomclient.core.FairComWarning;

/**
 * Typed operations of FairCom's admin API ({@code "api": "admin"}) on the session the
 * underlying operations manage: sessions, accounts and services. Obtain one from
 * {@link io.github.faircomclient.core.FairComOperations#admin()}; logging in and out stays
 * with the template. Account passwords sent through these operations never reach a log,
 * an exception message or an observation: where a server echoes one, the template masks
 * it.
 *
 * @see AdminTemplate
 */
public interface AdminOperations {

	/**
	 * Check that the server answers and keep the session alive ({@code pingSession} with
	 * the session's token).
	 */
	void pingSession();

	/**
	 * List the sessions the account may see ({@code listSessions}).
	 * @return the sessions
	 */
	List<SessionSummary> listSessions();

	/**
	 * List the sessions of some accounts ({@code listSessions} with {@code usernameFilter}).
	 * @param usernames the accounts
	 * @return their sessions
	 */
	List<SessionSummary> listSessions(Collection<String> usernames);

	/**
	 * Describe the sessions of the account ({@code describeSessions}).
	 * @return the sessions
	 */
	List<SessionDescription> describeSessions();

	/**
	 * Describe sessions by their tokens ({@code describeSessions} with
	 * {@code authTokens}); tokens the account may not see are left out.
	 * @param authTokens the tokens
	 * @return the sessions
	 */
	List<SessionDescription> describeSessions(Collection<String> authTokens);

	/**
	 * Change settings of the current session ({@code alterSession}). The change lasts as
	 * long as the session: a session created after an expiry has the configured settings
	 * again.
	 * @param changes the settings to change
	 * @return the session after the change
	 */
	SessionDescription alterSession(SessionChanges changes);

	/**
	 * Create an account ({@code createAccount}). FairCom documents no answer other than
	 * success; the new account has no roles until
	 * {@link #assignRolesToAccounts(RoleAssignments)} gives it some.
	 * @param username the account's name
	 * @param properties its password and other properties, or
	 * {@link AccountProperties#none()}
	 */
	void createAccount(String username, AccountProperties properties);

	/**
	 * Change an account ({@code alterAccount}): its password, description, login period,
	 * limits or metadata. Its name cannot change.
	 * @param username the account to change
	 * @param changes the properties to change; those left unset stay as they are
	 * @throws IllegalArgumentException if {@code changes} changes nothing
	 */
	void alterAccount(String username, AccountProperties changes);

	/**
	 * Drop accounts ({@code dropAccounts}). An account that does not exist is not an
	 * error: FairCom answers success with a warning (code 101, "Not able to remove account
	 * [NAME] ..."). The call is sent with {@code debug: "max"}, as FairCom's examples that
	 * show the warning are.
	 * @param usernames the accounts to drop
	 * @return the warnings the server reported, such as one for each account it did not
	 * drop; empty when it dropped them all
	 */
	List<FairComWarning> dropAccounts(Collection<String> usernames);

	/**
	 * Create an account as a copy of another ({@code cloneAccount}).
	 * @param clone the source, the new name and the new account's own properties
	 */
	void cloneAccount(AccountClone clone);

	/**
	 * List the accounts the session's account may see ({@code listAccounts}).
	 * @return the accounts
	 */
	List<AccountDescription> listAccounts();

	/**
	 * List the accounts whose names start with any of the given texts, ignoring case
	 * ({@code listAccounts} with {@code partialNames}).
	 * @param partialNames the beginnings of the names
	 * @return the accounts
	 */
	List<AccountDescription> listAccounts(Collection<String> partialNames);

	/**
	 * Describe the session's own account ({@code describeAccounts} without names).
	 * @return the account (a list, as the server answers)
	 */
	List<AccountDescription> describeAccounts();

	/**
	 * Describe accounts ({@code describeAccounts} with {@code usernames}); accounts the
	 * server does not show are left out.
	 * @param usernames the accounts
	 * @return their descriptions
	 */
	List<AccountDescription> describeAccounts(Collection<String> usernames);

	/**
	 * Give roles to accounts and take roles from them, in one call
	 * ({@code assignRolesToAccounts}).
	 * @param assignments the roles to add and remove
	 */
	void assignRolesToAccounts(RoleAssignments assignments);

	/**
	 * List the server's services: listeners, apis, integration services
	 * ({@code listServices}). FairCom answers this action without a session too, but then
	 * leaves out the listeners' {@code tls} settings; this operation sends it with the
	 * session, like every other, so the answer is complete.
	 * @return the services
	 */
	ServiceList listServices();

	/**
	 * Pause, resume, restart, shut down or start up a service ({@code manageService}).
	 * @param serviceName the service, e.g. {@code modbus}
	 * @param command what to do
	 */
	void manageService(String serviceName, ServiceCommand command);

}
