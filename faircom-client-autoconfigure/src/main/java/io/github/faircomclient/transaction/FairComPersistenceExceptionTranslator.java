package io.github.faircomclient.transaction;

import org.jspecify.annotations.Nullable;

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
import org.springframework.dao.support.PersistenceExceptionTranslator;

import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.FairComNotFoundException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComRecordLimitExceededException;

/**
 * Turns {@link FairComException}s into Spring's {@link DataAccessException} hierarchy, so
 * that {@code @Repository} beans and {@link FairComTransactionManager} speak Spring's
 * language; the FairCom exception is always the cause, its message the message. Other
 * exceptions are left alone ({@code null}).
 * <table>
 * <caption>FairCom exceptions and what they become</caption>
 * <tr><th>FairCom</th><th>Spring</th></tr>
 * <tr><td>{@link FairComDuplicateKeyException}</td><td>{@link DuplicateKeyException}</td></tr>
 * <tr><td>{@link FairComChangeIdConflictException}</td>
 * <td>{@link OptimisticLockingFailureException}</td></tr>
 * <tr><td>{@link FairComNotFoundException}</td><td>{@link DataRetrievalFailureException}</td></tr>
 * <tr><td>{@link FairComRecordLimitExceededException}</td>
 * <td>{@link IncorrectResultSizeDataAccessException}</td></tr>
 * <tr><td>{@link FairComMappingException}</td><td>{@link TypeMismatchDataAccessException}</td></tr>
 * <tr><td>{@link FairComServerBusyException}; kinds {@code NOT_PROCESSED},
 * {@code POOL_TIMEOUT}</td><td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>{@link FairComTimeoutException} of the call or the read; kind
 * {@code CALL_TIMEOUT}</td><td>{@link QueryTimeoutException}</td></tr>
 * <tr><td>kind {@code SESSION_EXPIRED}: the session, and any transaction or cursor of it,
 * is gone; the next call logs in again, so the whole unit of work can be run
 * again</td><td>{@link RecoverableDataAccessException}</td></tr>
 * <tr><td>kinds {@code NOT_SENT}, {@code ANSWER_LOST}, {@code TLS}, {@code INTERRUPTED},
 * {@code CLIENT_CLOSED}, {@code INVALID_ANSWER}: the connection or the server's answer
 * failed</td><td>{@link DataAccessResourceFailureException}</td></tr>
 * <tr><td>kind {@code AUTHENTICATION}</td><td>{@link PermissionDeniedDataAccessException}</td></tr>
 * <tr><td>any other error the server answered with, or other client
 * failure</td><td>{@link UncategorizedFairComException}</td></tr>
 * </table>
 */
public class FairComPersistenceExceptionTranslator implements PersistenceExceptionTranslator {

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		return (ex instanceof FairComException failure) ? translate(failure) : null;
	}

	/**
	 * Translate a FairCom exception.
	 * @param failure the FairCom exception
	 * @return the Spring exception, with the FairCom exception as its cause
	 */
	public DataAccessException translate(FairComException failure) {
		String message = failure.getMessage();
		if (failure instanceof FairComDuplicateKeyException) {
			return new DuplicateKeyException(message, failure);
		}
		if (failure instanceof FairComChangeIdConflictException) {
			return new OptimisticLockingFailureException(message, failure);
		}
		if (failure instanceof FairComNotFoundException) {
			return new DataRetrievalFailureException(message, failure);
		}
		if (failure instanceof FairComRecordLimitExceededException limit) {
			return new IncorrectResultSizeDataAccessException(message, limit.getLimit(), failure);
		}
		if (failure instanceof FairComMappingException) {
			return new TypeMismatchDataAccessException(message, failure);
		}
		if (failure instanceof FairComServerBusyException) {
			return new TransientDataAccessResourceException(message, failure);
		}
		if (failure instanceof FairComTimeoutException timeout && (timeout.getType() == FairComTimeoutException.Type.CALL
				|| timeout.getType() == FairComTimeoutException.Type.READ)) {
			return new QueryTimeoutException(message, failure);
		}
		return switch (failure.getFailureKind()) {
			case SESSION_EXPIRED -> new RecoverableDataAccessException(message, failure);
			case CALL_TIMEOUT -> new QueryTimeoutException(message, failure);
			case NOT_PROCESSED, POOL_TIMEOUT -> new TransientDataAccessResourceException(message, failure);
			case NOT_SENT, ANSWER_LOST, TLS, INTERRUPTED, CLIENT_CLOSED, INVALID_ANSWER ->
				new DataAccessResourceFailureException(message, failure);
			case AUTHENTICATION -> new PermissionDeniedDataAccessException(message, failure);
			case ACTION_FAILED, CLIENT -> new UncategorizedFairComException(failure);
		};
	}

}
