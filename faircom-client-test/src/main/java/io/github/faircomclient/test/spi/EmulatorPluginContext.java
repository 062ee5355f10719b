package io.github.faircomclient.test.spi;

import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.EmulatorClock;

/**
 * What a plugin may hook into while it is installed.
 */
public interface EmulatorPluginContext {

	/**
	 * The dispatch table to register actions in.
	 * @return the registry
	 */
	ActionRegistry actions();

	/**
	 * Adds a listener for session creation and release (e.g. to roll back transactions).
	 * @param listener the listener
	 */
	void addSessionListener(SessionListener listener);

	/**
	 * The emulator's clock (use it for every expiry, e.g. cursors).
	 * @return the clock
	 */
	EmulatorClock clock();

	/**
	 * The emulator's compatibility profile at installation time.
	 * @return the profile
	 */
	CompatibilityProfile profile();

}
