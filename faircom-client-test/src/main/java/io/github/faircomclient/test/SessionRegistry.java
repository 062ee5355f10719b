package io.github.faircomclient.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ReleaseReason;
import io.github.faircomclient.test.spi.SessionListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All live sessions of one emulator: creation under the caps, lookup with expiry against the emulator
 * clock, deletion, expiry and the release of resources.
 */
final class SessionRegistry {

	private static final Logger logger = LoggerFactory.getLogger(SessionRegistry.class);

	private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

	private final ReentrantLock createLock = new ReentrantLock();

	private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	private final EmulatorClock clock;

	private final SessionLimits limits;

	SessionRegistry(EmulatorClock clock, SessionLimits limits) {
		this.clock = clock;
		this.limits = limits;
	}

	EmulatorClock clock() {
		return this.clock;
	}

	void addListener(SessionListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Creates a session unless a cap is reached.
	 * @throws ActionException with the provisional session-limit codes
	 */
	LiveSession create(String username, String clientAddress, boolean permanent, SessionSettings settings) {
		LiveSession session;
		this.createLock.lock();
		try {
			sweep();
			List<LiveSession> live = new ArrayList<>(this.sessions.values());
			if (live.size() >= this.limits.total()) {
				throw ActionException.of(ProvisionalChoice.SESSION_LIMIT_TOTAL, live.size());
			}
			long ofUser = live.stream().filter((s) -> s.username().equalsIgnoreCase(username)).count();
			if (ofUser >= this.limits.perUser()) {
				throw ActionException.of(ProvisionalChoice.SESSION_LIMIT_PER_USER, username, ofUser);
			}
			long ofAddress = live.stream().filter((s) -> s.clientAddress().equals(clientAddress)).count();
			if (ofAddress >= this.limits.perIpAddress()) {
				throw ActionException.of(ProvisionalChoice.SESSION_LIMIT_PER_IP, clientAddress, ofAddress);
			}
			String token;
			do {
				token = Tokens.newToken();
			}
			while (this.sessions.containsKey(token));
			session = new LiveSession(token, username, clientAddress, permanent, this.clock.now(),
					this.sequence.incrementAndGet(), settings);
			this.sessions.put(token, session);
		}
		finally {
			this.createLock.unlock();
		}
		for (SessionListener listener : this.listeners) {
			try {
				listener.sessionCreated(session);
			}
			catch (RuntimeException ex) {
				logger.warn("Session listener {} failed on creation", listener, ex);
			}
		}
		return session;
	}

	/**
	 * The live session of a token; an idled-out session is ended (EXPIRED) and not returned.
	 */
	@Nullable LiveSession find(String token) {
		LiveSession session = this.sessions.get(token);
		if (session == null) {
			return null;
		}
		if (session.isExpiredAt(this.clock.now())) {
			end(session, ReleaseReason.EXPIRED);
			return null;
		}
		return session;
	}

	void touch(LiveSession session) {
		session.touch(this.clock.now());
	}

	boolean delete(String token) {
		LiveSession session = find(token);
		return session != null && end(session, ReleaseReason.DELETED);
	}

	boolean expire(String token) {
		LiveSession session = this.sessions.get(token);
		return session != null && end(session, ReleaseReason.EXPIRED);
	}

	int expireAll() {
		int count = 0;
		for (LiveSession session : new ArrayList<>(this.sessions.values())) {
			if (end(session, ReleaseReason.EXPIRED)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Ends every live session of an account (DELETED), permanent ones too.
	 * @param username the account, any case
	 * @return how many ended
	 */
	int endSessionsOf(String username) {
		int count = 0;
		for (LiveSession session : new ArrayList<>(this.sessions.values())) {
			if (session.username().equalsIgnoreCase(username) && end(session, ReleaseReason.DELETED)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Ends every session that has idled out.
	 * @return how many ended
	 */
	int sweep() {
		Instant now = this.clock.now();
		int count = 0;
		for (LiveSession session : new ArrayList<>(this.sessions.values())) {
			if (session.isExpiredAt(now) && end(session, ReleaseReason.EXPIRED)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The live sessions, oldest first, after a sweep.
	 */
	List<LiveSession> live() {
		sweep();
		List<LiveSession> live = new ArrayList<>(this.sessions.values());
		live.sort(Comparator.comparingLong(LiveSession::sequence));
		return live;
	}

	/**
	 * The server stopped: temporary sessions end, permanent ones lose their attachments.
	 */
	void serverStopped() {
		for (LiveSession session : new ArrayList<>(this.sessions.values())) {
			if (session.permanent()) {
				session.release(ReleaseReason.SERVER_STOPPED);
				notifyReleased(session, ReleaseReason.SERVER_STOPPED);
			}
			else {
				end(session, ReleaseReason.SERVER_STOPPED);
			}
		}
	}

	private boolean end(LiveSession session, ReleaseReason reason) {
		if (!this.sessions.remove(session.authToken(), session)) {
			return false;
		}
		session.end(reason);
		notifyReleased(session, reason);
		return true;
	}

	private void notifyReleased(LiveSession session, ReleaseReason reason) {
		for (SessionListener listener : this.listeners) {
			try {
				listener.sessionReleased(session, reason);
			}
			catch (RuntimeException ex) {
				logger.warn("Session listener {} failed on release", listener, ex);
			}
		}
	}

	/**
	 * The session caps, as in services.json.
	 * @param total maxJsonApiSessions
	 * @param perUser maxJsonApiSessionsPerUsername
	 * @param perIpAddress maxJsonApiSessionsPerIpAddress
	 */
	record SessionLimits(int total, int perUser, int perIpAddress) {

		static final SessionLimits DOCUMENTED = new SessionLimits(1024, 50, 50);

		SessionLimits {
			if (total < 1 || perUser < 1 || perIpAddress < 1) {
				throw new IllegalArgumentException("Session limits must be at least 1 but were total=" + total
						+ ", perUser=" + perUser + ", perIpAddress=" + perIpAddress);
			}
		}

	}

}
