package io.github.faircomclient.admin;

import java.util.Locale;

/**
 * The commands {@link AdminOperations#manageService} sends to a service; FairCom documents
 * that it can "pause, resume, restart, shutdown, and startup" a service.
 */
public enum ServiceCommand {

	/**
	 * Pause a running service ({@code pause}).
	 */
	PAUSE,

	/**
	 * Let a paused service run again ({@code resume}).
	 */
	RESUME,

	/**
	 * Stop and start a service ({@code restart}).
	 */
	RESTART,

	/**
	 * Stop a service ({@code shutdown}).
	 */
	SHUTDOWN,

	/**
	 * Start a stopped service ({@code startup}).
	 */
	STARTUP;

	/**
	 * Return the command as it is sent.
	 * @return the lower-case name, e.g. {@code pause}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
