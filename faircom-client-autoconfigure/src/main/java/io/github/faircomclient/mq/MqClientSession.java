package io.github.faircomclient.mq;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComApiException;

/**
 * An MQ API session a client owns: created (with its subscriptions) when first used, and
 * created again when the server lost it, for example a temporary session that idled out.
 * {@link #run(Function)} runs an action with the session's name; when the server refuses
 * it and the session turns out to be gone, the session is set up again and the action
 * runs once more (an action the server refused stored and consumed nothing). Thread-safe.
 */
public final class MqClientSession {

	private static final Log logger = LogFactory.getLog(MqClientSession.class);

	private final MqOperations operations;

	private final String clientName;

	private final MqSessionSettings settings;

	private final List<MqSubscription> subscriptions;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile boolean ready;

	/**
	 * Create a session handle; nothing is sent until it is used.
	 * @param operations the operations that run the actions
	 * @param clientName the session's client name
	 * @param settings the settings it is created with
	 * @param subscriptions the subscriptions it is set up with
	 */
	public MqClientSession(MqOperations operations, String clientName, MqSessionSettings settings,
			List<MqSubscription> subscriptions) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.notNull(settings, "'settings' must not be null");
		this.operations = operations;
		this.clientName = clientName;
		this.settings = settings;
		this.subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * Return the client name.
	 * @return the client name
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * Return whether the session is temporary.
	 * @return whether it was set up as a temporary session
	 */
	public boolean isTemporary() {
		return Boolean.TRUE.equals(this.settings.temporarySession());
	}

	/**
	 * Create the session unless it exists, and subscribe it, unless that was done.
	 */
	public void ensure() {
		if (this.ready) {
			return;
		}
		this.lock.lock();
		try {
			if (!this.ready) {
				this.operations.ensureSession(this.clientName, this.settings);
				if (!this.subscriptions.isEmpty()) {
					this.operations.subscribe(this.clientName, this.subscriptions);
				}
				this.ready = true;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Run an action with the session, setting it up first and again when the server lost
	 * it.
	 * @param <T> the result type
	 * @param action the action, given the client name
	 * @return the action's result
	 */
	public <T> T run(Function<String, T> action) {
		ensure();
		try {
			return action.apply(this.clientName);
		}
		catch (FairComApiException ex) {
			if (!lost()) {
				throw ex;
			}
			if (logger.isInfoEnabled()) {
				logger.info("MQ session '" + this.clientName + "' is gone on the server; creating it again");
			}
			this.ready = false;
			ensure();
			return action.apply(this.clientName);
		}
	}

	private boolean lost() {
		try {
			return this.operations.describeSession(this.clientName).isEmpty();
		}
		catch (FairComApiException ex) {
			return true;
		}
	}

	/**
	 * Forget that the session was set up, so that the next use checks it again.
	 */
	public void reset() {
		this.ready = false;
	}

	/**
	 * Delete the session on the server with its subscriptions and waiting messages.
	 */
	public void delete() {
		this.ready = false;
		this.operations.deleteSession(this.clientName, true);
	}

	@Override
	public String toString() {
		return "MqClientSession[" + this.clientName + "]";
	}

}
