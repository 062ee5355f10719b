package io.github.faircomclient.transaction;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TypeMismatchDataAccessException;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.FairComNotFoundException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.FairComRecordLimitExceededException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of FairCom failure becomes the Spring exception the translator documents,
 * with the FairCom exception as its cause.
 */
class FairComPersistenceExceptionTranslatorTests {

	private final FairComPersistenceExceptionTranslator translator = new FairComPersistenceExceptionTranslator();

	private void assertTranslated(FairComException failure, Class<? extends DataAccessException> expected) {
		DataAccessException translated = this.translator.translateExceptionIfPossible(failure);
		assertThat(translated).isExactlyInstanceOf(expected);
		assertThat(translated.getCause()).isSameAs(failure);
		assertThat(translated.getMessage()).isEqualTo(failure.getMessage());
	}

	private static FairComApiException api(int code) {
		return new FairComApiException("code " + code, "db", "insertRecords", "r1", 200, code, "message");
	}

	@Test
	void applicationErrorsBecomeTheirSpringCounterparts() {
		assertTranslated(new FairComDuplicateKeyException("dup", "db", "insertRecords", "r1", 200, 2, "dup"),
				DuplicateKeyException.class);
		assertTranslated(new FairComChangeIdConflictException("stale", "db", "updateRecords", "r1", 200, 9, "stale"),
				OptimisticLockingFailureException.class);
		assertTranslated(new FairComNotFoundException("missing", "db", "getRecordsStartingAtKey", "r1", 200, 4046, "no"),
				DataRetrievalFailureException.class);
		assertTranslated(api(12), UncategorizedFairComException.class);
	}

	@Test
	void clientSideFailuresBecomeResultAndTypeErrors() {
		FairComRecordLimitExceededException limit = new FairComRecordLimitExceededException("db", "getRecordsByTable",
				"r1", "table 'items'", 20);
		assertTranslated(limit, IncorrectResultSizeDataAccessException.class);
		assertThat(((IncorrectResultSizeDataAccessException) this.translator.translate(limit)).getExpectedSize())
			.isEqualTo(20);
		assertTranslated(new FairComMappingException("no fit", "db", "getRecordsByTable", "r1", "Item", null),
				TypeMismatchDataAccessException.class);
	}

	@Test
	void anExpiredSessionIsRecoverableByRunningTheWorkAgain() {
		assertTranslated(new FairComSessionExpiredException("gone", "db", "insertRecords", null, 0, 0, ""),
				RecoverableDataAccessException.class);
	}

	@Test
	void transportFailuresAreResourceFailuresTimeoutsOrTransient() {
		assertTranslated(new FairComConnectException("refused", "db", "insertRecords", "r1", null),
				DataAccessResourceFailureException.class);
		assertTranslated(new FairComTlsException("untrusted", "db", "insertRecords", "r1", null),
				DataAccessResourceFailureException.class);
		assertTranslated(new FairComTransportException("reset", FairComFailureKind.ANSWER_LOST, "db", "insertRecords",
				"r1", null), DataAccessResourceFailureException.class);
		assertTranslated(new FairComTimeoutException("slow", FairComTimeoutException.Type.CALL, "db", "insertRecords",
				"r1", null), QueryTimeoutException.class);
		assertTranslated(new FairComTimeoutException("silent", FairComTimeoutException.Type.READ, "db",
				"insertRecords", "r1", null), QueryTimeoutException.class);
		assertTranslated(new FairComTimeoutException("no connection", FairComTimeoutException.Type.CONNECT, "db",
				"insertRecords", "r1", null), DataAccessResourceFailureException.class);
		assertTranslated(new FairComTimeoutException("pool", FairComTimeoutException.Type.CONNECTION_POOL, "db",
				"insertRecords", "r1", null), TransientDataAccessResourceException.class);
		assertTranslated(new FairComServerBusyException("busy", "db", "insertRecords", "r1", 429, Duration.ofSeconds(1)),
				TransientDataAccessResourceException.class);
		assertTranslated(new FairComServerBusyException("busy", "db", "insertRecords", "r1", 503, null),
				TransientDataAccessResourceException.class);
		assertTranslated(new FairComTransportException("interrupted", FairComFailureKind.INTERRUPTED, "db",
				"insertRecords", "r1", null), DataAccessResourceFailureException.class);
		assertTranslated(new FairComClientClosedException("closed", "db", "insertRecords"),
				DataAccessResourceFailureException.class);
		assertTranslated(new FairComProtocolException("html", FairComProtocolException.Kind.HTML_PAGE,
				FairComFailureKind.INVALID_ANSWER, "db", "insertRecords", "r1", 200, null),
				DataAccessResourceFailureException.class);
	}

	@Test
	void aRefusedLoginIsAPermissionProblem() {
		assertTranslated(new FairComAuthenticationException("refused", "admin", "createSession", "r1", 200, 12001, "no"),
				PermissionDeniedDataAccessException.class);
	}

	@Test
	void otherExceptionsAreLeftAlone() {
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("not ours"))).isNull();
	}

	@Test
	void everyFailureKindHasATranslation() {
		for (FairComFailureKind kind : FairComFailureKind.values()) {
			FairComException failure = new FairComException("kind " + kind, kind, "db", "insertRecords", "r1", null);
			assertThat(this.translator.translate(failure).getCause()).as(kind.name()).isSameAs(failure);
		}
	}

}
