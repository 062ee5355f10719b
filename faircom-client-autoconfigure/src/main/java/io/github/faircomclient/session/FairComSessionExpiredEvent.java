package io.github.faircomclient.session;

/**
 * Published when the server reported a session gone and it was dropped. The next call
 * logs in again.
 */
public class FairComSessionExpiredEvent extends FairComSessionEvent {

	/**
	 * Create a new event.
	 * @param source the session manager
	 * @param session the dropped session
	 */
	public FairComSessionExpiredEvent(Object source, FairComSession session) {
		super(source, session);
	}

}
