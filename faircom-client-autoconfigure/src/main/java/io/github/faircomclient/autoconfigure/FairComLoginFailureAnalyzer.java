package io.github.faircomclient.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;

/**
 * Reports a login that failed while the application started ({@code createSession},
 * typically with {@code faircom.session.login=eager}): what failed and which
 * {@code faircom.*} properties to check, instead of a long stack trace. Other FairCom
 * failures are left to the default report.
 */
class FairComLoginFailureAnalyzer extends AbstractFailureAnalyzer<FairComException> {

	private final @Nullable Environment environment;

	FairComLoginFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, FairComException cause) {
		if (!"createSession".equals(cause.getAction())) {
			return null;
		}
		String url = (this.environment != null) ? this.environment.getProperty("faircom.url") : null;
		String description = "The FairCom client could not log in while the application started.\n\n"
				+ ((url != null && !url.contains("@")) ? "    Server: " + url + "\n" : "") + "    Failure: "
				+ cause.getClass().getSimpleName() + "\n    Reason: " + cause.getMessage();
		return new FailureAnalysis(description, action(cause) + " To start without logging in, set "
				+ "faircom.session.login=lazy: the first call logs in and the health indicator reports the server.",
				cause);
	}

	private static String action(FairComException cause) {
		if (cause instanceof FairComAuthenticationException) {
			return "Check faircom.username and faircom.password (or faircom.session.token, or the client "
					+ "certificate of the SSL bundle named by faircom.ssl.bundle).";
		}
		if (cause instanceof FairComTlsException) {
			return "Check faircom.ssl.bundle (the trust store must hold the CA of the server's certificate; the key "
					+ "store the client certificate) and the host name in faircom.url.";
		}
		if (cause instanceof FairComConnectException || cause instanceof FairComTimeoutException) {
			return "Check faircom.url (host, port, http or https) and that the server is running and reachable "
					+ "(faircom.connect-timeout, faircom.call-timeout).";
		}
		return "Check faircom.url: it must be the endpoint of the FairCom JSON Action API (path /api) on a FairCom "
				+ "server.";
	}

}
