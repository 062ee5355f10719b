package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.StoredMessage.UserProperty;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MQ API session, identified by its client name: settings, subscriptions, undelivered messages,
 * last delivered position per topic and statistics. Used under the broker's lock.
 */
final class MqSession {

	/** sessionExpiryInterval of a permanent session, as documented. */
	static final long PERMANENT_EXPIRY_INTERVAL = 4294967296L;

	/** keepAliveSeconds of a new temporary session when none is given. */
	static final int DEFAULT_TEMPORARY_KEEP_ALIVE = 60;

	private final String clientName;

	private final Creator creator;

	private final Instant createdAt;

	private boolean temporary;

	private boolean cleanSession;

	private int keepAliveSeconds;

	private long sessionExpiryInterval;

	private Status status = Status.NORMAL;

	private List<UserProperty> userProperties = List.of();

	private @Nullable String mqttPayloadType;

	private int receiveMaximum = 65535;

	private long maximumPacketSize = 268435460L;

	private int topicAliasMaximum = 65535;

	private Instant lastActivity;

	private Instant connectedAt;

	private @Nullable Instant disconnectedAt;

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	private final Deque<StoredMessage> queue = new ArrayDeque<>();

	private final Deque<StoredMessage> retainedPending = new ArrayDeque<>();

	private final Set<String> publishedTopics = new LinkedHashSet<>();

	private final Map<String, Long> positions = new TreeMap<>();

	private final RateCounter published = new RateCounter();

	private final RateCounter received = new RateCounter();

	private final RateCounter enqueued = new RateCounter();

	MqSession(String clientName, Creator creator, Instant now, boolean temporary) {
		this.clientName = clientName;
		this.creator = creator;
		this.createdAt = now;
		this.lastActivity = now;
		this.connectedAt = now;
		temporary(temporary);
	}

	/**
	 * Makes the session temporary or permanent with the documented settings of each kind: permanent
	 * sessions have cleanSession false, keepAliveSeconds 0 and sessionExpiryInterval 4294967296.
	 */
	void temporary(boolean temporary) {
		this.temporary = temporary;
		this.cleanSession = temporary;
		this.keepAliveSeconds = temporary ? DEFAULT_TEMPORARY_KEEP_ALIVE : 0;
		this.sessionExpiryInterval = temporary ? 0 : PERMANENT_EXPIRY_INTERVAL;
	}

	String clientName() {
		return this.clientName;
	}

	Creator creator() {
		return this.creator;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	boolean isTemporary() {
		return this.temporary;
	}

	boolean cleanSession() {
		return this.cleanSession;
	}

	int keepAliveSeconds() {
		return this.keepAliveSeconds;
	}

	void keepAliveSeconds(int seconds) {
		this.keepAliveSeconds = seconds;
	}

	long sessionExpiryInterval() {
		return this.sessionExpiryInterval;
	}

	void sessionExpiryInterval(long seconds) {
		this.sessionExpiryInterval = seconds;
	}

	Status status() {
		return this.status;
	}

	void status(Status status, Instant now) {
		if (status == Status.INACTIVE && this.status != Status.INACTIVE) {
			this.disconnectedAt = now;
		}
		else if (status != Status.INACTIVE && this.status == Status.INACTIVE) {
			this.connectedAt = now;
		}
		this.status = status;
	}

	List<UserProperty> userProperties() {
		return this.userProperties;
	}

	void userProperties(List<UserProperty> properties) {
		this.userProperties = List.copyOf(properties);
	}

	@Nullable String mqttPayloadType() {
		return this.mqttPayloadType;
	}

	void mqttPayloadType(String type) {
		this.mqttPayloadType = type;
	}

	int receiveMaximum() {
		return this.receiveMaximum;
	}

	void receiveMaximum(int value) {
		this.receiveMaximum = value;
	}

	long maximumPacketSize() {
		return this.maximumPacketSize;
	}

	void maximumPacketSize(long value) {
		this.maximumPacketSize = value;
	}

	int topicAliasMaximum() {
		return this.topicAliasMaximum;
	}

	void topicAliasMaximum(int value) {
		this.topicAliasMaximum = value;
	}

	/**
	 * Records an MQ action of the session: it keeps a temporary session alive and reactivates an
	 * inactive one.
	 * @throws ActionException {@link ProvisionalChoice#MQ_SESSION_BANNED} for a banned session
	 */
	void activity(Instant now) {
		requireNotBanned();
		if (this.status == Status.INACTIVE) {
			status(Status.NORMAL, now);
		}
		else if (!connected(now)) {
			this.connectedAt = now;
		}
		this.lastActivity = now;
	}

	/**
	 * @throws ActionException {@link ProvisionalChoice#MQ_SESSION_BANNED} for a banned session
	 */
	void requireNotBanned() {
		if (this.status == Status.BANNED) {
			throw ActionException.of(ProvisionalChoice.MQ_SESSION_BANNED, TopicNames.shorten(this.clientName));
		}
	}

	Instant lastActivity() {
		return this.lastActivity;
	}

	/**
	 * Whether the session counts as connected: not inactive, and for a temporary session with a keep
	 * alive, an MQ action within keepAliveSeconds x 1.5.
	 */
	boolean connected(Instant now) {
		if (this.status == Status.INACTIVE) {
			return false;
		}
		return this.keepAliveSeconds == 0 || now.isBefore(keepAliveEnd());
	}

	private Instant keepAliveEnd() {
		return this.lastActivity.plusMillis(this.keepAliveSeconds * 1500L);
	}

	Instant connectedAt() {
		return this.connectedAt;
	}

	@Nullable Instant disconnectedAt(Instant now) {
		if (this.status != Status.INACTIVE && !connected(now)) {
			return keepAliveEnd();
		}
		return this.disconnectedAt;
	}

	/**
	 * Whether a temporary session has timed out: keepAliveSeconds x 1.5 without an MQ action, then
	 * sessionExpiryInterval more seconds. A keep alive of 0 never times out.
	 */
	boolean expired(Instant now) {
		return this.temporary && this.keepAliveSeconds > 0
				&& !now.isBefore(keepAliveEnd().plusSeconds(this.sessionExpiryInterval));
	}

	Map<String, Subscription> subscriptions() {
		return this.subscriptions;
	}

	Deque<StoredMessage> queue() {
		return this.queue;
	}

	Deque<StoredMessage> retainedPending() {
		return this.retainedPending;
	}

	Set<String> publishedTopics() {
		return this.publishedTopics;
	}

	Map<String, Long> positions() {
		return this.positions;
	}

	RateCounter published() {
		return this.published;
	}

	RateCounter received() {
		return this.received;
	}

	RateCounter enqueued() {
		return this.enqueued;
	}

	/**
	 * Who created the session, and the JSON session defaults it reports.
	 * @param username the account
	 * @param clientAddress the client's IP address
	 * @param binaryFormat the creating session's defaultBinaryFormat
	 * @param variantFormat the creating session's defaultVariantFormat
	 * @param responseOptions the creating session's defaultResponseOptions
	 */
	record Creator(String username, String clientAddress, String binaryFormat, String variantFormat,
			ObjectNode responseOptions) {
	}

	/**
	 * The documented session statuses.
	 */
	enum Status {

		/** Usable and listed. */
		NORMAL,

		/** Usable, listed only when asked for. */
		HIDDEN,

		/** Refused: it may not publish, subscribe or read. */
		BANNED,

		/** Deactivated by deleteMqSession; its next MQ action makes it normal again. */
		INACTIVE;

		String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String property, String value) {
			String name = value.trim().toLowerCase(Locale.ROOT);
			for (Status status : values()) {
				if (status.wireName().equals(name)) {
					return status;
				}
			}
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, property,
					"\"" + TopicNames.shorten(value) + "\"; use normal, hidden, banned or inactive");
		}

	}

}
