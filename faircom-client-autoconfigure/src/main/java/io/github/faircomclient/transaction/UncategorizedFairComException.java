package io.github.faircomclient.transaction;

import org.springframework.dao.UncategorizedDataAccessException;

import io.github.faircomclient.FairComException;

/**
 * A FairCom failure that Spring's {@code DataAccessException} hierarchy has no more
 * specific type for, typically an error code of the server that
 * {@link io.github.faircomclient.FairComErrorCodes} does not categorize. The FairCom
 * exception is the cause.
 */
public class UncategorizedFairComException extends UncategorizedDataAccessException {

	/**
	 * Create a new exception.
	 * @param cause the FairCom exception
	 */
	public UncategorizedFairComException(FairComException cause) {
		super(cause.getMessage(), cause);
	}

}
