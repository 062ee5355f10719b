package io.github.faircomclient.session;

/**
 * Published when a session has been deleted with {@code deleteSession} on shutdown.
 */
public class FairComSessionDeletedEvent extends FairComSessionEvent {

	/**
	 * Create a new event.
	 * @param source the session manager
	 * @param session the deleted session
	 */
	public FairComSessionDeletedEvent(Object source, FairComSession session) {
		super(source, session);
	}

}
