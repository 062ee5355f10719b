package io.github.faircomclient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;

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

}
