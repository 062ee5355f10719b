package io.github.faircomclient.session;

import org.springframework.context.ApplicationEvent;

/**
 * Receives the session events of a {@link LifecycleAwareSessionManager}:
 * {@link FairComSessionCreatedEvent}, {@link FairComSessionExpiredEvent},
 * {@link FairComSessionDeletedEvent} and {@link FairComLoginFailedEvent}. The
 * auto-configuration forwards them to the application context, so that
 * {@code @EventListener} methods see them.
 */
@FunctionalInterface
public interface FairComSessionListener {

	/**
	 * A listener that ignores every event.
	 */
	FairComSessionListener NONE = (event) -> {
	};

	/**
	 * Handle an event. Called on the thread that caused it; exceptions are logged and
	 * ignored.
	 * @param event the event
	 */
	void onEvent(ApplicationEvent event);

}
