package io.github.faircomclient.session;

import org.springframework.context.ApplicationEvent;

/**
 * Base class of the events a {@link LifecycleAwareSessionManager} publishes about its
 * session.
 */
public abstract class FairComSessionEvent extends ApplicationEvent {

	/**
	 * The session the event is about.
	 */
	private final FairComSession session;

	/**
	 * Create a new event.
	 * @param source the session manager
	 * @param session the session the event is about
	 */
	protected FairComSessionEvent(Object source, FairComSession session) {
		super(source);
		this.session = session;
	}

	/**
	 * Return the session the event is about.
	 * @return the session
	 */
	public FairComSession getSession() {
		return this.session;
	}

}
