package io.github.faircomclient.observation;

import java.util.Locale;

import io.micrometer.observation.Observation;

import org.springframework.util.Assert;

/**
 * Context of a {@link FairComObservationDocumentation#SESSION} observation: which session
 * event it is and, for a keepalive, whether the server reported the session gone. A
 * failure is the observation's {@linkplain #getError() error}. It never holds the session
 * token or credentials.
 */
public class FairComSessionObservationContext extends Observation.Context {

	private final Event event;

	private volatile boolean sessionGone;

	/**
	 * Create a new context.
	 * @param event the session event
	 */
	public FairComSessionObservationContext(Event event) {
		Assert.notNull(event, "'event' must not be null");
		this.event = event;
	}

	/**
	 * Return the session event.
	 * @return the event
	 */
	public Event getEvent() {
		return this.event;
	}

	/**
	 * Return whether the server reported the session gone (a keepalive that came too
	 * late).
	 * @return whether the session was gone
	 */
	public boolean isSessionGone() {
		return this.sessionGone;
	}

	/**
	 * Set whether the server reported the session gone.
	 * @param sessionGone whether the session was gone
	 */
	public void setSessionGone(boolean sessionGone) {
		this.sessionGone = sessionGone;
	}

	/**
	 * The session events that are observed.
	 */
	public enum Event {

		/**
		 * A login that obtains the first session ({@code createSession}, or taking a
		 * permanent token into use).
		 */
		LOGIN,

		/**
		 * A login that replaces a session the server reported gone.
		 */
		RELOGIN,

		/**
		 * A keepalive {@code pingSession} of an idle session.
		 */
		KEEPALIVE,

		/**
		 * The {@code deleteSession} on shutdown.
		 */
		LOGOUT;

		/**
		 * Return the event as the {@code faircom.session.event} key shows it.
		 * @return the lower-case name
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
