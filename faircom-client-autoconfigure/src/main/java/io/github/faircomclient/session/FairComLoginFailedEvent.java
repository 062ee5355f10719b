package io.github.faircomclient.session;

import org.springframework.context.ApplicationEvent;

import io.github.faircomclient.FairComException;

/**
 * Published when a login failed.
 */
public class FairComLoginFailedEvent extends ApplicationEvent {

	/**
	 * Why the login failed.
	 */
	private final FairComException exception;

	/**
	 * Create a new event.
	 * @param source the session manager
	 * @param exception why the login failed
	 */
	public FairComLoginFailedEvent(Object source, FairComException exception) {
		super(source);
		this.exception = exception;
	}

	/**
	 * Return why the login failed.
	 * @return the exception
	 */
	public FairComException getException() {
		return this.exception;
	}

}
