package io.github.faircomclient.db;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.node.ObjectNode;

/**
 * The records of a server cursor, fetched a page at a time with
 * {@code getRecordsFromCursor} as the stream is consumed, each page mapped straight from
 * the answer's stream ({@link RecordReader}). The cursor is closed
 * ({@code closeCursor}) once: when the last page has been fetched (the server reported no
 * more records, or a page came back empty, which FairCom documents can follow
 * {@code moreRecords: true}), when a fetch fails, or when the stream is closed.
 * <p>
 * The cursor follows {@link SessionBoundWork}: every call on it is bound to the session
 * that created it. Once that session has expired the next fetch fails with
 * {@link FairComSessionExpiredException} without being sent, and nothing closes the
 * cursor: the server closed it with the session.
 */
final class CursorSpliterator<T> extends Spliterators.AbstractSpliterator<T> implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CursorSpliterator.class);

	private final DbCalls calls;

	private final String cursorId;

	private final @Nullable FairComSession session;

	private final Class<T> type;

	private final int fetchSize;

	private int skip;

	private final Deque<T> page = new ArrayDeque<>();

	private boolean exhausted;

	private final AtomicBoolean closed = new AtomicBoolean();

	CursorSpliterator(DbCalls calls, String cursorId, @Nullable FairComSession session, Class<T> type,
			int fetchSize, int skip) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		this.calls = calls;
		this.cursorId = cursorId;
		this.session = session;
		this.type = type;
		this.fetchSize = fetchSize;
		this.skip = skip;
	}

	@Override
	public boolean tryAdvance(Consumer<? super T> action) {
		if (this.page.isEmpty() && !this.exhausted) {
			fetch();
		}
		T next = this.page.poll();
		if (next == null) {
			return false;
		}
		action.accept(next);
		return true;
	}

	private void fetch() {
		if (this.closed.get()) {
			throw new IllegalStateException("The cursor stream has been closed");
		}
		ObjectNode params = DbCalls.objectNode()
			.put("cursorId", this.cursorId)
			.put("fetchRecords", this.fetchSize);
		if (this.skip > 0) {
			params.put("skipRecords", this.skip);
		}
		try {
			RecordReader<T> reader = this.calls.mapper().recordReader(this.type, Integer.MAX_VALUE);
			FairComResponse response = this.calls.executeOn("getRecordsFromCursor", params, this.session, reader);
			this.skip = 0;
			List<T> data = reader.records(response, null);
			this.page.addAll(data);
			if (data.isEmpty() || !response.result().path("moreRecords").asBoolean(false)) {
				this.exhausted = true;
				close();
			}
		}
		catch (RuntimeException ex) {
			this.exhausted = true;
			this.page.clear();
			if (SessionBoundWork.diedWithSession(ex)) {
				this.closed.set(true);
			}
			else {
				close();
			}
			throw ex;
		}
	}

	/**
	 * Close the server cursor, once; failures are logged, not thrown. Nothing is sent if
	 * the cursor's session has expired.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.calls.executeOn("closeCursor", DbCalls.objectNode().put("cursorId", this.cursorId), this.session);
			}
			catch (FairComException ex) {
				SessionBoundWork.logEndFailed(logger, "close FairCom cursor", ex);
			}
		}
	}

}
