package io.github.faircomclient.session;

/**
 * Logs in with {@code createSession} without user name and password: the server
 * identifies the account from the client certificate of the mutual TLS connection. The
 * transport must therefore use {@code https} and an SSL bundle holding a client key.
 */
public final class ClientCertificateAuthentication implements FairComAuthentication {

	@Override
	public FairComSession login(FairComLogin login) {
		return login.createSession(null, null);
	}

	@Override
	public String toString() {
		return "ClientCertificateAuthentication";
	}

}
