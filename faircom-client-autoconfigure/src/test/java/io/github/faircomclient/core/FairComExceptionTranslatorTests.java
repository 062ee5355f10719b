package io.github.faircomclient.core;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.http.TestFailures;
import io.github.faircomclient.http.TransportFailure.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComExceptionTranslator}.
 */
class FairComExceptionTranslatorTests {

	private static final FairComRequest LIST_TABLES = FairComRequest.of("db", "listTables", null);

	private static FairComException translate(Reason reason) {
		return FairComExceptionTranslator.transportFailed(TestFailures.of(reason, "what happened.", 0), LIST_TABLES,
				"r-1", Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@EnumSource(Reason.class)
	void everyTransportReasonBecomesOneExceptionThatKeepsItsKind(Reason reason) {
		FairComException ex = translate(reason);
		assertThat(ex.getFailureKind()).isEqualTo(reason.kind());
		assertThat(ex.getApi()).isEqualTo("db");
		assertThat(ex.getAction()).isEqualTo("listTables");
		assertThat(ex.getRequestId()).isEqualTo("r-1");
		assertThat(ex.getMessage()).contains("db/listTables", "r-1").doesNotContain("..");
		if (reason != Reason.CALL_DEADLINE) {
			assertThat(ex.getMessage()).contains("what happened");
		}
		Class<?> type = switch (reason) {
			case CONNECTION_REFUSED, UNKNOWN_HOST -> FairComConnectException.class;
			case CONNECT_TIMEOUT, POOL_TIMEOUT, READ_TIMEOUT, CALL_DEADLINE -> FairComTimeoutException.class;
			case TLS_REQUIRED, TLS_NO_ANSWER, TLS_UNTRUSTED_CERTIFICATE, TLS_HOST_MISMATCH, TLS_CERTIFICATE_EXPIRED,
					TLS_CLIENT_CERTIFICATE_REFUSED, TLS_FAILED -> FairComTlsException.class;
			case CLOSED_AFTER_TLS_HANDSHAKE, CONNECTION_LOST, INTERRUPTED -> FairComTransportException.class;
			case ANSWER_TOO_LARGE -> FairComProtocolException.class;
			case CLIENT_CLOSED -> FairComClientClosedException.class;
		};
		assertThat(ex).isExactlyInstanceOf(type);
	}

	@Test
	void timeoutsSayWhichLimitRanOut() {
		assertThat(((FairComTimeoutException) translate(Reason.CONNECT_TIMEOUT)).getType())
			.isEqualTo(FairComTimeoutException.Type.CONNECT);
		assertThat(((FairComTimeoutException) translate(Reason.READ_TIMEOUT)).getType())
			.isEqualTo(FairComTimeoutException.Type.READ);
		assertThat(((FairComTimeoutException) translate(Reason.POOL_TIMEOUT)).getType())
			.isEqualTo(FairComTimeoutException.Type.CONNECTION_POOL);
		assertThat(((FairComTimeoutException) translate(Reason.CALL_DEADLINE)).getType())
			.isEqualTo(FairComTimeoutException.Type.CALL);
		assertThat(translate(Reason.CALL_DEADLINE).getMessage())
			.contains("did not complete within the call timeout of 3s (faircom.call-timeout")
			.doesNotContain(" ms");
		assertThat(translate(Reason.POOL_TIMEOUT).getMessage()).contains("faircom.pool.max-connections");
	}

	@Test
	void tlsFailuresSayWhatToCheck() {
		assertThat(translate(Reason.TLS_UNTRUSTED_CERTIFICATE).getMessage()).contains("trust store", "faircom.ssl.bundle");
		assertThat(translate(Reason.TLS_HOST_MISMATCH).getMessage()).contains("subject alternative names");
		assertThat(translate(Reason.TLS_CERTIFICATE_EXPIRED).getMessage()).contains("validity period");
		assertThat(translate(Reason.TLS_CLIENT_CERTIFICATE_REFUSED).getMessage()).contains("client certificate");
		assertThat(translate(Reason.TLS_NO_ANSWER).getMessage())
			.contains("Is the service at that port speaking TLS?", "scheme and port of faircom.url");
		assertThat(translate(Reason.CLOSED_AFTER_TLS_HANDSHAKE).getMessage())
			.contains("The server may have run the call", "If every new connection ends like this");
		assertThat(translate(Reason.CONNECTION_LOST).getMessage()).doesNotContain("certificate");
		assertThat(translate(Reason.TLS_REQUIRED).getMessage()).contains("faircom.url starts with http://",
				"Use https://");
	}

	@Test
	void aLoginAnsweredWithHttp404PointsAtThePathNotTheCredentials() {
		FairComResponse notFound = TestResponses.decode("admin", "createSession", "r-1",
				"{\"errorCode\":99022,\"errorMessage\":\"No JSON Action endpoint at '/wrong'; send requests to "
						+ "POST /api.\"}",
				null, 404);
		FairComApiException ex = FairComExceptionTranslator.loginFailed(notFound);
		assertThat(ex).isExactlyInstanceOf(FairComApiException.class);
		assertThat(ex.getMessage()).isEqualTo("FairCom answered admin/createSession with HTTP 404 (errorCode 99022, "
				+ "requestId r-1): No JSON Action endpoint at '/wrong'; send requests to POST /api. Nothing serves "
				+ "FairCom's JSON API at that path: check the path of faircom.url (FairCom's is /api)");
		FairComResponse refused = TestResponses.decode("admin", "createSession", "r-2",
				"{\"errorCode\":12010,\"errorMessage\":\"Invalid username or password.\"}", null, 401);
		assertThat(FairComExceptionTranslator.loginFailed(refused)).isExactlyInstanceOf(
				FairComAuthenticationException.class)
			.hasMessage("FairCom refused to create a session (admin/createSession, errorCode 12010, HTTP 401, "
					+ "requestId r-2): Invalid username or password. Check the configured credentials or client "
					+ "certificate; the login is not retried");
	}

	@Test
	void tooLargeAnswersKeepTheirStatus() {
		FairComException ex = FairComExceptionTranslator.transportFailed(
				TestFailures.of(Reason.ANSWER_TOO_LARGE, "the answer grew beyond the limit of 10 bytes", 200),
				LIST_TABLES, "r-1", Duration.ofSeconds(3));
		assertThat(ex).isInstanceOfSatisfying(FairComProtocolException.class, (protocol) -> {
			assertThat(protocol.getKind()).isEqualTo(FairComProtocolException.Kind.TOO_LARGE);
			assertThat(protocol.getHttpStatus()).isEqualTo(200);
		});
	}

	@Test
	void apiErrorsKeepTheServersFields() {
		FairComApiException ex = FairComExceptionTranslator.actionFailed(
				TestResponses.decode(null, "listTables", "r-1", "{\"errorCode\":4046,\"errorMessage\":\"Key not found\"}",
						null),
				io.github.faircomclient.FairComErrorCodes.none());
		assertThat(ex.getMessage()).isEqualTo(
				"FairCom action listTables failed with errorCode 4046 (HTTP 200, requestId r-1): Key not found");
		assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.ACTION_FAILED);
	}

	@Test
	void closedNamesTheRefusedAction() {
		assertThat(FairComExceptionTranslator.closed("db", "listTables").getMessage()).startsWith(
				"Cannot run db/listTables: the FairCom client has been closed");
	}

	@Test
	void aSharedLoginFailureIsANewExceptionOfTheSameTypeAndKindCausedByTheOriginal() {
		FairComResponse refused = TestResponses.decode("admin", "createSession", "r-1",
				"{\"errorCode\":12010,\"errorMessage\":\"bad password\"}", null);
		FairComRequest createSession = FairComRequest.of("admin", "createSession", null);
		List<FairComException> failures = List.of(FairComExceptionTranslator.loginFailed(refused),
				new FairComApiException("failed", "admin", "createSession", "r-1", 200, 7, "seven"),
				FairComExceptionTranslator.protocolError(FairComProtocolException.Kind.HTML_PAGE,
						FairComFailureKind.ANSWER_LOST, createSession, "r-1", 502, "text/html", null),
				FairComExceptionTranslator.serverBusy(createSession, "r-1", 503, Duration.ofSeconds(2)),
				translate(Reason.CONNECT_TIMEOUT), translate(Reason.CONNECTION_REFUSED), translate(Reason.TLS_FAILED),
				translate(Reason.CONNECTION_LOST),
				new FairComException("odd", FairComFailureKind.INVALID_ANSWER, "admin", "createSession", "r-1", null));
		for (FairComException failure : failures) {
			FairComException shared = FairComExceptionTranslator.sharedLoginFailure(failure);
			assertThat(shared).isNotSameAs(failure).hasSameClassAs(failure).hasCause(failure);
			assertThat(shared.getMessage()).startsWith(failure.getMessage())
				.endsWith("(this call waited for that login attempt and shares its failure)");
			assertThat(shared.getApi()).isEqualTo(failure.getApi());
			assertThat(shared.getAction()).isEqualTo(failure.getAction());
			assertThat(shared.getRequestId()).isEqualTo(failure.getRequestId()).isNotNull();
			assertThat(shared.getFailureKind()).as(failure.getClass().getSimpleName())
				.isEqualTo(failure.getFailureKind());
		}
		FairComAuthenticationException login = (FairComAuthenticationException) FairComExceptionTranslator
			.sharedLoginFailure(failures.get(0));
		assertThat(login.getErrorCode()).isEqualTo(12010);
		assertThat(login.getErrorMessage()).isEqualTo("bad password");
		assertThat(login.getHttpStatus()).isEqualTo(200);
		FairComServerBusyException busy = (FairComServerBusyException) FairComExceptionTranslator
			.sharedLoginFailure(failures.get(3));
		assertThat(busy.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		FairComException custom = new FairComException("custom", FairComFailureKind.CLIENT, null, null, null, null) {
		};
		assertThat(FairComExceptionTranslator.sharedLoginFailure(custom)).as("a type of its own: as it is")
			.isSameAs(custom);
	}

	@Test
	void aLoginFailureThatBelongsToItsThreadIsNotShared() {
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(Reason.CONNECTION_REFUSED))).isTrue();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(Reason.READ_TIMEOUT))).isTrue();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(Reason.CALL_DEADLINE)))
			.as("its call timeout").isFalse();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(Reason.INTERRUPTED)))
			.as("an interrupt").isFalse();
		assertThat(FairComExceptionTranslator.isShareableLoginFailure(translate(Reason.CLIENT_CLOSED)))
			.as("the close").isFalse();
	}

}
