package io.github.faircomclient.test.spi;

import java.security.cert.X509Certificate;
import java.util.Optional;

import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.EmulatorClock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a handler may know about one request.
 */
public interface ActionContext {

	/**
	 * The request as received.
	 * @return the parsed request object (do not modify)
	 */
	ObjectNode request();

	/**
	 * The api the action was found in.
	 * @return the lower-case api
	 */
	String api();

	/**
	 * The action in its registered spelling.
	 * @return the action name
	 */
	String action();

	/**
	 * The request's {@code params} ({@code {}} when absent).
	 * @return validating access to the params
	 */
	Parameters params();

	/**
	 * The request's {@code authToken}.
	 * @return the token, or {@code null} when absent or empty
	 */
	@Nullable String authToken();

	/**
	 * The live session of the request's token; always present for actions that require a session.
	 * @return the session, or {@code null}
	 */
	@Nullable Session session();

	/**
	 * The live session; for actions that require one.
	 * @return the session
	 * @throws IllegalStateException when the request has none
	 */
	default Session requiredSession() {
		Session session = session();
		if (session == null) {
			throw new IllegalStateException("Action " + action() + " has no session");
		}
		return session;
	}

	/**
	 * The effective response options: server defaults, overlaid with the session's, overlaid with the
	 * request's.
	 * @return a copy, safe to modify
	 */
	ObjectNode responseOptions();

	/**
	 * The effective debug level.
	 * @return {@code none}, {@code min} or {@code max}
	 */
	String debug();

	/**
	 * Whether debug output was asked for.
	 * @return {@code true} unless the debug level is {@code none}
	 */
	default boolean debugEnabled() {
		return !"none".equals(debug());
	}

	/**
	 * The client's IP address.
	 * @return the address as text
	 */
	String clientAddress();

	/**
	 * The certificate the client presented over TLS.
	 * @return the client certificate, if any
	 */
	Optional<X509Certificate> clientCertificate();

	/**
	 * The CN of the client certificate's subject.
	 * @return the common name, if a certificate with a CN was presented
	 */
	Optional<String> clientCertificateCommonName();

	/**
	 * The emulator's clock.
	 * @return the clock
	 */
	EmulatorClock clock();

	/**
	 * The emulator's current compatibility profile.
	 * @return the profile
	 */
	CompatibilityProfile profile();

}
