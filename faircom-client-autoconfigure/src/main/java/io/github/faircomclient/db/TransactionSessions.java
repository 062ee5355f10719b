package io.github.faircomclient.db;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.session.FairComSession;

/**
 * The sessions of the transactions a template created, by id, shared by the template and
 * its views, so that a view of an explicit id ({@link DbOperations#withTransaction}) is
 * bound to the transaction's session. Forgotten when a transaction ends; past
 * {@link #MAX_REMEMBERED} entries, those of sessions other than the newest transaction's
 * are dropped (their transactions died with them).
 */
final class TransactionSessions {

	static final int MAX_REMEMBERED = 1024;

	private final ConcurrentMap<String, FairComSession> sessions = new ConcurrentHashMap<>();

	void opened(String transactionId, @Nullable FairComSession session) {
		if (session == null) {
			return;
		}
		this.sessions.put(transactionId, session);
		if (this.sessions.size() > MAX_REMEMBERED) {
			this.sessions.values().removeIf((other) -> other != session);
		}
	}

	@Nullable FairComSession sessionOf(String transactionId) {
		return this.sessions.get(transactionId);
	}

	void ended(String transactionId, @Nullable FairComSession session) {
		if (session != null) {
			this.sessions.remove(transactionId, session);
		}
	}

	int size() {
		return this.sessions.size();
	}

}
