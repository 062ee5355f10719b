package io.github.faircomclient.session;

/**
 * Strategy that obtains a session from a FairCom server.
 *
 * @see PasswordAuthentication
 * @see ClientCertificateAuthentication
 * @see TokenAuthentication
 */
@FunctionalInterface
public interface FairComAuthentication {

	/**
	 * Obtain a session.
	 * @param client the session actions to use
	 * @param settings the session settings to send when a session is created
	 * @return the session
	 * @throws io.github.faircomclient.FairComException if no session can be obtained
	 */
	FairComSession login(FairComSessionClient client, FairComSessionSettings settings);

}
