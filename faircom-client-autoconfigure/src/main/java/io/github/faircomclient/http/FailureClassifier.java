package io.github.faircomclient.http;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.http.CallDeadlines.Deadline;
import io.github.faircomclient.http.CallDeadlines.Ending;
import io.github.faircomclient.http.SwappableTlsSocketStrategy.NoTlsAnswerException;
import io.github.faircomclient.http.TransportFailure.Reason;

/**
 * Decides what a failed exchange means, from what the transport knows about it: why its
 * deadline ended it, the exception HttpClient or the JDK raised, and the connection it
 * used (new or reused, TLS version, answers carried, the client certificate sent).
 */
final class FailureClassifier {

	private static final int MAX_CAUSE_DEPTH = 32;

	/**
	 * The start of a TLS record (an alert or a handshake, TLS 1.0 to 1.3) as HttpCore quotes
	 * the bytes of a status line it cannot parse.
	 */
	private static final Pattern TLS_RECORD = Pattern.compile("<\\[0x1[56]]\\[0x03]");

	/**
	 * Where HttpCore starts quoting the raw bytes of an answer it cannot parse.
	 */
	private static final String RAW_BYTES = "; error at offset";

	private final Duration readTimeout;

	private final Duration acquireTimeout;

	FailureClassifier(Duration readTimeout, Duration acquireTimeout) {
		this.readTimeout = readTimeout;
		this.acquireTimeout = acquireTimeout;
	}

	TransportFailure classify(Throwable failure, Deadline deadline) {
		if (failure instanceof TransportFailure known) {
			return known;
		}
		Ending ending = deadline.ending();
		if (ending == Ending.CLOSED) {
			return new TransportFailure(Reason.CLIENT_CLOSED, connected(deadline)
					? "the FairCom client was closed while the call was in flight; the server may have run it"
					: "the FairCom client was closed while the call was waiting for a connection; it was not sent",
					failure);
		}
		if (ending == Ending.DEADLINE) {
			return new TransportFailure(Reason.CALL_DEADLINE, "the call's time ran out", failure);
		}
		if (Thread.currentThread().isInterrupted() || find(failure, InterruptedException.class) != null) {
			return new TransportFailure(Reason.INTERRUPTED, "the calling thread was interrupted", failure);
		}
		if (find(failure, ConnectionRequestTimeoutException.class) != null) {
			return new TransportFailure(Reason.POOL_TIMEOUT, "no pooled connection became free within "
					+ FairComConfigurationException.display(this.acquireTimeout)
					+ "; all of them were busy with other calls", failure);
		}
		NoTlsAnswerException noTlsAnswer = find(failure, NoTlsAnswerException.class);
		if (noTlsAnswer != null) {
			return new TransportFailure(Reason.TLS_NO_ANSWER, noTlsAnswer.getMessage(), failure);
		}
		Throwable tls = find(failure, SSLException.class, GeneralSecurityException.class);
		if (tls != null && find(tls, java.net.SocketException.class) == null) {
			return new TransportFailure(tlsReason(failure), "TLS failed: " + messages(tls), failure);
		}
		ConnectTimeoutException connectTimeout = find(failure, ConnectTimeoutException.class);
		if (connectTimeout != null) {
			return new TransportFailure(Reason.CONNECT_TIMEOUT, message(connectTimeout), failure);
		}
		UnknownHostException unknownHost = find(failure, UnknownHostException.class);
		if (unknownHost != null) {
			return new TransportFailure(Reason.UNKNOWN_HOST, "unknown host " + unknownHost.getMessage(), failure);
		}
		Throwable refused = find(failure, ConnectException.class, NoRouteToHostException.class,
				PortUnreachableException.class);
		if (refused != null) {
			return new TransportFailure(Reason.CONNECTION_REFUSED, message(refused), failure);
		}
		if (find(failure, SocketTimeoutException.class) != null) {
			return new TransportFailure(Reason.READ_TIMEOUT,
					"the server sent nothing within the read timeout of "
							+ FairComConfigurationException.display(this.readTimeout),
					failure);
		}
		if (find(failure, InterruptedIOException.class) != null && !connected(deadline)) {
			return new TransportFailure(Reason.INTERRUPTED, "the exchange was aborted before it was sent", failure);
		}
		if (TLS_RECORD.matcher(messages(failure)).find()) {
			return new TransportFailure(Reason.TLS_REQUIRED, "the server answered the plain HTTP request with "
					+ "TLS: the port speaks https", failure);
		}
		String newTlsConnection = newTls13ConnectionWithoutAnswer(deadline);
		if (newTlsConnection != null) {
			return new TransportFailure(Reason.CLOSED_AFTER_TLS_HANDSHAKE,
					"the connection ended (" + message(failure) + ") " + newTlsConnection, failure);
		}
		return new TransportFailure(Reason.CONNECTION_LOST, "the connection ended (" + message(failure)
				+ ") after the call went out; the server may have run it", failure);
	}

	private static boolean connected(Deadline deadline) {
		return deadline.isConnected();
	}

	/**
	 * Describe a new TLS 1.3 connection that never carried an answer, with the client
	 * certificate it presented; {@code null} for any other connection.
	 */
	private static @Nullable String newTls13ConnectionWithoutAnswer(Deadline deadline) {
		HttpCoreContext context = deadline.context();
		SSLSession session = (context != null) ? context.getSSLSession() : null;
		if (session == null || !"TLSv1.3".equals(session.getProtocol())) {
			return null;
		}
		EndpointDetails endpoint = context.getEndpointDetails();
		if (endpoint != null && endpoint.getResponseCount() > 0) {
			return null;
		}
		Certificate[] sent = session.getLocalCertificates();
		String certificate = (sent != null && sent.length > 0 && sent[0] instanceof X509Certificate x509)
				? "the client presented the certificate " + x509.getSubjectX500Principal().getName()
				: "the client presented no certificate";
		return "on a new TLS 1.3 connection before any answer; " + certificate;
	}

	private static Reason tlsReason(Throwable failure) {
		if (find(failure, CertificateExpiredException.class, CertificateNotYetValidException.class) != null) {
			return Reason.TLS_CERTIFICATE_EXPIRED;
		}
		String messages = messages(failure).toLowerCase(Locale.ROOT);
		if (find(failure, SSLPeerUnverifiedException.class) != null || messages.contains("subject alternative")
				|| messages.contains("doesn't match") || messages.contains("does not match")) {
			return Reason.TLS_HOST_MISMATCH;
		}
		if (find(failure, CertPathBuilderException.class, CertPathValidatorException.class) != null
				|| messages.contains("unable to find valid certification path") || messages.contains("pkix path")) {
			return Reason.TLS_UNTRUSTED_CERTIFICATE;
		}
		if (messages.contains("certificate_required") || messages.contains("bad_certificate")
				|| messages.contains("unknown_ca") || messages.contains("certificate_unknown")
				|| messages.contains("access_denied")) {
			return Reason.TLS_CLIENT_CERTIFICATE_REFUSED;
		}
		return Reason.TLS_FAILED;
	}

	private static String message(Throwable failure) {
		String message = failure.getMessage();
		if (message == null) {
			return failure.getClass().getSimpleName();
		}
		int rawBytes = message.indexOf(RAW_BYTES);
		return (rawBytes >= 0) ? message.substring(0, rawBytes) : message;
	}

	/**
	 * The messages of a failure and its causes, without repeats, for TLS failures whose
	 * useful detail often sits in a cause.
	 */
	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		int depth = 0;
		for (Throwable candidate = failure; candidate != null && depth++ < MAX_CAUSE_DEPTH;
				candidate = candidate.getCause()) {
			String message = candidate.getMessage();
			if (message != null && messages.indexOf(message) < 0) {
				messages.append((messages.length() > 0) ? "; " : "").append(message);
			}
		}
		return (messages.length() > 0) ? messages.toString() : failure.getClass().getSimpleName();
	}

	@SafeVarargs
	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<? extends T>... types) {
		int depth = 0;
		for (Throwable candidate = failure; candidate != null && depth++ < MAX_CAUSE_DEPTH;
				candidate = candidate.getCause()) {
			for (Class<? extends T> type : types) {
				if (type.isInstance(candidate)) {
					return type.cast(candidate);
				}
			}
		}
		return null;
	}

}
