package io.github.faircomclient.session;

/**
 * Strategy that obtains a session from a FairCom server. Implement it to log in with
 * credentials from elsewhere, for example a password read from a secret store at each
 * login:
 *
 * <pre class="code">
 * FairComTemplate.builder()
 *     .url(url)
 *     .authentication((login) -&gt; login.createSession("app", vault.read("faircom/app")))
 *     .build();
 * </pre>
 *
 * @see PasswordAuthentication
 * @see ClientCertificateAuthentication
 * @see TokenAuthentication
 */
@FunctionalInterface
public interface FairComAuthentication {

	/**
	 * Obtain a session, within the time the login attempt has.
	 * @param login the attempt: settings, time left, and {@code createSession}
	 * @return the session
	 * @throws io.github.faircomclient.FairComException if no session can be obtained
	 */
	FairComSession login(FairComLogin login);

}
