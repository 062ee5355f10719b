package io.github.faircomclient.test.spi;

/**
 * Why the emulator freed a session's server-side resources (cursors, transactions, attachments).
 */
public enum ReleaseReason {

	/**
	 * deleteSession ended the session.
	 */
	DELETED,

	/**
	 * The session idled out, or a fault expired it.
	 */
	EXPIRED,

	/**
	 * The emulator stopped. Temporary sessions end; permanent sessions keep their token and settings
	 * but lose their attachments, as on a real server restart.
	 */
	SERVER_STOPPED

}
