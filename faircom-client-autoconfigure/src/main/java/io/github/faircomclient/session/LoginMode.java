package io.github.faircomclient.session;

/**
 * When a template creates its session.
 */
public enum LoginMode {

	/**
	 * Log in while the template starts: a bad configuration or an unreachable server fails
	 * the application's startup.
	 */
	EAGER,

	/**
	 * Log in on the first call: the application starts whether or not the server is up,
	 * and no session is held until one is needed.
	 */
	LAZY

}
