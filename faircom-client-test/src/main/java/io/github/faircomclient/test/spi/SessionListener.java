package io.github.faircomclient.test.spi;

/**
 * Hears about sessions of one emulator; register through {@link EmulatorPluginContext#addSessionListener}.
 * Called on the thread that caused the event; must not block for long.
 */
public interface SessionListener {

	/**
	 * A session was created.
	 * @param session the new session
	 */
	default void sessionCreated(Session session) {
	}

	/**
	 * A session's resources were released; after {@link ReleaseReason#DELETED} and
	 * {@link ReleaseReason#EXPIRED} the session is gone, after {@link ReleaseReason#SERVER_STOPPED} a
	 * permanent session lives on without attachments.
	 * @param session the session
	 * @param reason why
	 */
	default void sessionReleased(Session session, ReleaseReason reason) {
	}

}
