package io.github.faircomclient.db;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.session.FairComSession;

/**
 * The one rule for the work FairCom keeps in a session, transactions and cursors: they
 * die with their session.
 * <ul>
 * <li>Every later call on such work is bound to the session that created it
 * ({@link io.github.faircomclient.core.FairComRequest.Builder#boundTo(FairComSession)}), so
 * the template never sends it with a newer session and never replays it.</li>
 * <li>Once a call on it failed because that session is gone, the server has already
 * rolled the transaction back or closed the cursor: nothing more is sent for it, no
 * rollback, no {@code closeCursor}.</li>
 * <li>The work is over once the server answered the call that ends it, even with an
 * error (FairCom rolls back a transaction whose commit fails), or once its session is
 * gone; after a failure on the way it may still be open. Either way later calls on it stay
 * bound to its session, so those of an expired session are refused without being
 * sent.</li>
 * </ul>
 */
final class SessionBoundWork {

	private SessionBoundWork() {
	}

	/**
	 * Return whether a failure says that the session of the work is gone, and the work with
	 * it.
	 * @param failure a failure of a call on the work
	 * @return whether nothing more needs to be sent to end the work
	 */
	static boolean diedWithSession(@Nullable Throwable failure) {
		return failure instanceof FairComException ex && ex.getFailureKind() == FairComFailureKind.SESSION_EXPIRED;
	}

	/**
	 * Return whether the call that ends the work (commit, rollback) ended it although it
	 * failed: the server ran it and answered with an error (FairCom rolls back a transaction
	 * whose commit fails). After any other failure the work may still be open.
	 * @param failure the failure of the ending call
	 * @return whether the server has ended the work
	 */
	static boolean endedByServer(FairComException failure) {
		return failure.getFailureKind() == FairComFailureKind.ACTION_FAILED;
	}

	/**
	 * Log that ending the work failed: at DEBUG if the work died with its session (the
	 * server ended it), else at WARN.
	 * @param logger the logger
	 * @param what what was to be done, e.g. {@code close FairCom cursor}
	 * @param failure the failure
	 */
	static void logEndFailed(Log logger, String what, FairComException failure) {
		if (diedWithSession(failure)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Did not " + what + ": its session expired and the server ended it with the session: "
						+ failure.getMessage());
			}
		}
		else {
			logger.warn("Could not " + what + ": " + failure.getMessage());
		}
	}

}
