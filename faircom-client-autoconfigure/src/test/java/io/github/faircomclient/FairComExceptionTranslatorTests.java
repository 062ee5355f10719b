package io.github.faircomclient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComExceptionTranslator}.
 */
class FairComExceptionTranslatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private static FairComTransportException translate(Throwable failure) {
		return FairComExceptionTranslator.transportFailed(failure, false, TIMEOUT, "db", "listTables", "r-1");
	}

	@Test
	void deadlineWinsOverTheUnderlyingFailure() {
		FairComTransportException ex = FairComExceptionTranslator.transportFailed(new IOException("Socket closed"),
				true, TIMEOUT, "db", "listTables", "r-1");
		assertThat(ex).isInstanceOfSatisfying(FairComTimeoutException.class,
				(timeout) -> assertThat(timeout.getType()).isEqualTo(FairComTimeoutException.Type.CALL));
		assertThat(ex.getMessage()).contains("db/listTables", "r-1", "3000 ms");
	}

	@Test
	void classifiesTimeouts() {
		assertThat(((FairComTimeoutException) translate(new ConnectTimeoutException("x"))).getType())
			.isEqualTo(FairComTimeoutException.Type.CONNECT);
		assertThat(((FairComTimeoutException) translate(new SocketTimeoutException("Read timed out"))).getType())
			.isEqualTo(FairComTimeoutException.Type.READ);
		assertThat(((FairComTimeoutException) translate(new ConnectionRequestTimeoutException("x"))).getType())
			.isEqualTo(FairComTimeoutException.Type.CONNECTION_POOL);
	}

	@Test
	void classifiesConnectAndTlsFailures() {
		assertThat(translate(new ConnectException("refused"))).isInstanceOf(FairComConnectException.class);
		assertThat(translate(new UnknownHostException("nohost"))).isInstanceOf(FairComConnectException.class);
		assertThat(translate(new SSLHandshakeException("PKIX path building failed")))
			.isInstanceOf(FairComTlsException.class)
			.hasMessageContaining("PKIX");
		assertThat(translate(new IOException("wrapped", new CertificateException("expired"))))
			.isInstanceOf(FairComTlsException.class);
	}

	@Test
	void otherIoFailuresAreTransportFailures() {
		FairComTransportException ex = translate(new NoHttpResponseException("closed"));
		assertThat(ex.getClass()).isEqualTo(FairComTransportException.class);
		assertThat(ex.getAction()).isEqualTo("listTables");
		assertThat(ex.getApi()).isEqualTo("db");
		assertThat(ex.getRequestId()).isEqualTo("r-1");
	}

	@Test
	void apiErrorsKeepTheServersFields() {
		FairComApiException ex = FairComExceptionTranslator.actionFailed(null, "listTables", "r-1", 200, 4046,
				"Key not found");
		assertThat(ex.getMessage()).isEqualTo(
				"FairCom action listTables failed with errorCode 4046 (HTTP 200, requestId r-1): Key not found");
	}

	@Test
	void closedNamesTheRefusedAction() {
		assertThat(FairComExceptionTranslator.closed("db", "listTables").getMessage()).startsWith(
				"Cannot run db/listTables: the FairCom client has been closed");
	}

	@Test
	void aSharedLoginFailureIsANewExceptionOfTheSameTypeCausedByTheOriginal() {
		List<FairComException> failures = List.of(
				FairComExceptionTranslator.loginFailed("admin", "createSession", "r-1", 200, 12010, "bad password"),
				new FairComApiException("failed", "admin", "createSession", "r-1", 200, 7, "seven"),
				FairComExceptionTranslator.protocolError(FairComProtocolException.Kind.HTML_PAGE, "admin",
						"createSession", "r-1", 502, "text/html", null),
				FairComExceptionTranslator.serverBusy("admin", "createSession", "r-1", 503, Duration.ofSeconds(2)),
				translate(new ConnectTimeoutException("x")), translate(new ConnectException("refused")),
				translate(new SSLHandshakeException("no")), translate(new NoHttpResponseException("gone")),
				new FairComException("odd", "admin", "createSession", "r-1", null));
		for (FairComException failure : failures) {
			FairComException shared = FairComExceptionTranslator.sharedLoginFailure(failure);
			assertThat(shared).isNotSameAs(failure).hasSameClassAs(failure).hasCause(failure);
			assertThat(shared.getMessage()).startsWith(failure.getMessage())
				.endsWith("(this call waited for that login attempt and shares its failure)");
			assertThat(shared.getApi()).isEqualTo(failure.getApi());
			assertThat(shared.getAction()).isEqualTo(failure.getAction());
			assertThat(shared.getRequestId()).isEqualTo(failure.getRequestId()).isNotNull();
			assertThat(RetryableFailureView.of(shared)).as(failure.getClass().getSimpleName())
				.isEqualTo(RetryableFailureView.of(failure));
		}
		FairComAuthenticationException refused = (FairComAuthenticationException) FairComExceptionTranslator
			.sharedLoginFailure(failures.get(0));
		assertThat(refused.getErrorCode()).isEqualTo(12010);
		assertThat(refused.getErrorMessage()).isEqualTo("bad password");
		assertThat(refused.getHttpStatus()).isEqualTo(200);
		FairComServerBusyException busy = (FairComServerBusyException) FairComExceptionTranslator
			.sharedLoginFailure(failures.get(3));
		assertThat(busy.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		FairComException custom = new FairComException("custom", null, null, null, null) {
		};
		assertThat(FairComExceptionTranslator.sharedLoginFailure(custom)).as("a type of its own: as it is")
			.isSameAs(custom);
	}

	@Test
	void aLoginFailureThatBelongsToItsThreadIsNotShared() {
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(
				FairComExceptionTranslator.loginFailed("admin", "createSession", "r-1", 200, 12010, "no")))
			.isTrue();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(new ConnectException("refused"))))
			.isTrue();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(new SocketTimeoutException("read"))))
			.isTrue();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(FairComExceptionTranslator
			.transportFailed(new IOException("Socket closed"), true, TIMEOUT, "admin", "createSession", "r-1")))
			.as("its call timeout")
			.isFalse();
		assertThat(FairComExceptionTranslator
			.isShareableLoginFailure(translate(new java.io.InterruptedIOException("interrupted"))))
			.as("an interrupt")
			.isFalse();
	}

	/**
	 * What the template's retry policy sees of a failure: type and the details it reads.
	 */
	private record RetryableFailureView(Class<?> type, Object detail) {

		static RetryableFailureView of(FairComException failure) {
			Object detail = (failure instanceof FairComTimeoutException timeout) ? timeout.getType()
					: (failure instanceof FairComProtocolException protocol) ? protocol.getKind() + "/"
							+ protocol.getHttpStatus()
					: (failure instanceof FairComServerBusyException busy) ? busy.getHttpStatus() : "";
			return new RetryableFailureView(failure.getClass(), detail);
		}

	}

}
