package io.github.faircomclient.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.faircomclient.test.spi.ReleaseReason;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's server-side session.
 */
final class LiveSession implements Session {

	private static final Logger logger = LoggerFactory.getLogger(LiveSession.class);

	private final String authToken;

	private final String username;

	private final String clientAddress;

	private final boolean permanent;

	private final Instant createdAt;

	private final long sequence;

	private final AtomicBoolean active = new AtomicBoolean(true);

	private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

	private final List<Consumer<ReleaseReason>> releaseCallbacks = new CopyOnWriteArrayList<>();

	private volatile SessionSettings settings;

	private volatile Instant lastAccessedAt;

	LiveSession(String authToken, String username, String clientAddress, boolean permanent, Instant createdAt,
			long sequence, SessionSettings settings) {
		this.authToken = authToken;
		this.username = username;
		this.clientAddress = clientAddress;
		this.permanent = permanent;
		this.createdAt = createdAt;
		this.lastAccessedAt = createdAt;
		this.sequence = sequence;
		this.settings = settings;
	}

	SessionSettings settings() {
		return this.settings;
	}

	void settings(SessionSettings settings) {
		this.settings = settings;
	}

	long sequence() {
		return this.sequence;
	}

	void touch(Instant now) {
		if (now.isAfter(this.lastAccessedAt)) {
			this.lastAccessedAt = now;
		}
	}

	boolean isExpiredAt(Instant now) {
		int timeout = this.settings.idleConnectionTimeoutSeconds();
		return !this.permanent && timeout > 0 && !now.isBefore(this.lastAccessedAt.plusSeconds(timeout));
	}

	void end(ReleaseReason reason) {
		if (this.active.compareAndSet(true, false)) {
			release(reason);
		}
	}

	void release(ReleaseReason reason) {
		List<Consumer<ReleaseReason>> callbacks = new ArrayList<>(this.releaseCallbacks);
		this.releaseCallbacks.removeAll(callbacks);
		for (Consumer<ReleaseReason> callback : callbacks) {
			try {
				callback.accept(reason);
			}
			catch (RuntimeException ex) {
				logger.warn("A release callback of a session of {} failed", this.username, ex);
			}
		}
		List<Object> dropped = new ArrayList<>(this.attachments.values());
		this.attachments.clear();
		for (Object attachment : dropped) {
			if (attachment instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					logger.warn("Closing a session attachment {} failed", attachment.getClass().getName(), ex);
				}
			}
		}
	}

	EmulatedSession snapshot() {
		SessionSettings current = this.settings;
		return new EmulatedSession(this.authToken, this.username, current.description(),
				current.idleConnectionTimeoutSeconds(), current.idleCursorTimeoutSeconds(), this.createdAt,
				this.lastAccessedAt, this.permanent, this.clientAddress, current.defaultApi(), current.defaultDebug());
	}

	@Override
	public String authToken() {
		return this.authToken;
	}

	@Override
	public String username() {
		return this.username;
	}

	@Override
	public String clientAddress() {
		return this.clientAddress;
	}

	@Override
	public boolean permanent() {
		return this.permanent;
	}

	@Override
	public Instant createdAt() {
		return this.createdAt;
	}

	@Override
	public Instant lastAccessedAt() {
		return this.lastAccessedAt;
	}

	@Override
	public String description() {
		return this.settings.description();
	}

	@Override
	public int idleConnectionTimeoutSeconds() {
		return this.settings.idleConnectionTimeoutSeconds();
	}

	@Override
	public int idleCursorTimeoutSeconds() {
		return this.settings.idleCursorTimeoutSeconds();
	}

	@Override
	public String defaultApi() {
		return this.settings.defaultApi();
	}

	@Override
	public String defaultDebug() {
		return this.settings.defaultDebug();
	}

	@Override
	public String defaultDatabaseName() {
		return this.settings.defaultDatabaseName();
	}

	@Override
	public String defaultOwnerName() {
		return this.settings.defaultOwnerName();
	}

	@Override
	public String defaultBinaryFormat() {
		return this.settings.defaultBinaryFormat();
	}

	@Override
	public String defaultVariantFormat() {
		return this.settings.defaultVariantFormat();
	}

	@Override
	public ObjectNode defaultResponseOptions() {
		return this.settings.defaultResponseOptions().deepCopy();
	}

	@Override
	public <T> @Nullable T attachment(Class<T> type) {
		return type.cast(this.attachments.get(type));
	}

	@Override
	public <T> T attachment(Class<T> type, Supplier<? extends T> factory) {
		Objects.requireNonNull(factory, "factory");
		return type.cast(this.attachments.computeIfAbsent(type, (key) -> Objects.requireNonNull(factory.get(),
				"attachment factory returned null")));
	}

	@Override
	public <T> @Nullable T removeAttachment(Class<T> type) {
		return type.cast(this.attachments.remove(type));
	}

	@Override
	public void onRelease(Consumer<ReleaseReason> callback) {
		this.releaseCallbacks.add(Objects.requireNonNull(callback, "callback"));
	}

	@Override
	public boolean isActive() {
		return this.active.get();
	}

	@Override
	public String toString() {
		return "Session[username=" + this.username + ", permanent=" + this.permanent + ", client=" + this.clientAddress + "]";
	}

}
