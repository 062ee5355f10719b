package io.github.faircomclient.db;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link Cursor} of {@link DefaultRecordQuery}: a server cursor walked with
 * {@code getRecordsFromCursor} and closed with {@code closeCursor} once. It follows
 * {@link SessionBoundWork}: every call is bound to the session that opened it, and once a
 * call found that session gone nothing more is sent to close it.
 */
final class DbCursor<T> implements Cursor<T> {

	private static final Log logger = LogFactory.getLog(DbCursor.class);

	private final DbCalls calls;

	private final String cursorId;

	private final @Nullable FairComSession session;

	private final Class<T> type;

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile boolean closed;

	private volatile boolean moreRecords = true;

	private DbCursor(DbCalls calls, String cursorId, @Nullable FairComSession session, Class<T> type) {
		this.calls = calls;
		this.cursorId = cursorId;
		this.session = session;
		this.type = type;
	}

	/**
	 * Run a query with {@code returnCursor} and return its cursor.
	 * @param calls the view's calls
	 * @param action the query action
	 * @param params the query's parameters
	 * @param scope which of the view's database and owner the query takes
	 * @param type the record type
	 * @return the open cursor
	 */
	static <T> DbCursor<T> open(DbCalls calls, String action, ObjectNode params, Scope scope, Class<T> type) {
		params.put("returnCursor", true);
		FairComResponse response = calls.execute(action, params, scope);
		String cursorId = DbResults.text(response.result(), "cursorId", null);
		if (cursorId == null || cursorId.isEmpty()) {
			throw FairComExceptionTranslator.incompleteResult(response, "a cursorId");
		}
		return new DbCursor<>(calls, cursorId, response.session(), type);
	}

	@Override
	public List<T> fetch(int records) {
		return fetch(CursorFetch.forward(records));
	}

	@Override
	public List<T> fetchBackward(int records) {
		return fetch(CursorFetch.backward(records));
	}

	@Override
	public List<T> fetch(CursorFetch fetch) {
		Assert.notNull(fetch, "'fetch' must not be null");
		Assert.state(!this.closed, "The cursor has been closed");
		ObjectNode params = DbCalls.objectNode().put("cursorId", this.cursorId);
		fetch.writeTo(params);
		try {
			FairComResponse response = this.calls.executeOn("getRecordsFromCursor", params, this.session);
			JsonNode data = response.resultArray("data");
			this.moreRecords = response.result().path("moreRecords").asBoolean(false);
			return this.calls.mapper().readAll(data, this.type, response);
		}
		catch (RuntimeException ex) {
			if (SessionBoundWork.diedWithSession(ex)) {
				this.ended.set(true);
			}
			throw ex;
		}
	}

	@Override
	public boolean hasMoreRecords() {
		return this.moreRecords;
	}

	@Override
	public boolean isOpen() {
		return !this.closed && !this.ended.get();
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.ended.compareAndSet(false, true)) {
			try {
				this.calls.executeOn("closeCursor", DbCalls.objectNode().put("cursorId", this.cursorId), this.session);
			}
			catch (FairComException ex) {
				SessionBoundWork.logEndFailed(logger, "close FairCom cursor", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "Cursor[" + this.type.getSimpleName() + (isOpen() ? ", open" : ", closed") + "]";
	}

}
