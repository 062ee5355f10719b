package io.github.faircomclient.session;

import org.jspecify.annotations.Nullable;

/**
 * Published when a session has been obtained, either the first one or one that replaces a
 * session the server reported gone.
 */
public class FairComSessionCreatedEvent extends FairComSessionEvent {

	/**
	 * The expired session this one replaces, if any.
	 */
	private final @Nullable FairComSession replaced;

	/**
	 * Create a new event.
	 * @param source the session manager
	 * @param session the new session
	 * @param replaced the expired session it replaces, if any
	 */
	public FairComSessionCreatedEvent(Object source, FairComSession session, @Nullable FairComSession replaced) {
		super(source, session);
		this.replaced = replaced;
	}

	/**
	 * Return the expired session that the new one replaces.
	 * @return the replaced session or {@code null} for a first login
	 */
	public @Nullable FairComSession getReplaced() {
		return this.replaced;
	}

	/**
	 * Return whether the new session replaces one that expired.
	 * @return whether this is a re-login
	 */
	public boolean isReplacement() {
		return this.replaced != null;
	}

}
