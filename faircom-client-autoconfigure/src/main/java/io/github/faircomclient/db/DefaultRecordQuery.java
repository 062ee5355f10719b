package io.github.faircomclient.db;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link TableQuery} and {@link SqlQuery} of {@link DbTemplate}: a list is one call
 * with the record-limit check of {@link DbCalls}, a stream pages through a server cursor.
 */
final class DefaultRecordQuery implements TableQuery, SqlQuery {

	private final DbCalls calls;

	private final String action;

	private final ObjectNode params;

	private final DbCalls.Scope scope;

	private final String subject;

	private int limit;

	private int fetchSize;

	private int skip;

	private boolean reverseOrder;

	private @Nullable ArrayNode sqlParams;

	private boolean namedParams;

	DefaultRecordQuery(DbCalls calls, String action, ObjectNode params, DbCalls.Scope scope, String subject) {
		this.calls = calls;
		this.action = action;
		this.params = params;
		this.scope = scope;
		this.subject = subject;
		this.limit = calls.settings().getMaxRecords();
		this.fetchSize = calls.settings().getFetchSize();
	}

	@Override
	public DefaultRecordQuery tableFilter(String tableFilter) {
		Assert.hasText(tableFilter, "'tableFilter' must not be empty");
		this.params.put("tableFilter", tableFilter);
		return this;
	}

	@Override
	public DefaultRecordQuery reverseOrder() {
		this.reverseOrder = true;
		return this;
	}

	@Override
	public DefaultRecordQuery skip(int skipRecords) {
		Assert.isTrue(skipRecords >= 0, "'skipRecords' must not be negative");
		this.skip = skipRecords;
		return this;
	}

	@Override
	public DefaultRecordQuery limit(int limit) {
		Assert.isTrue(limit > 0 && limit < Integer.MAX_VALUE, "'limit' must be positive and below Integer.MAX_VALUE");
		this.limit = limit;
		return this;
	}

	@Override
	public DefaultRecordQuery fetchSize(int fetchSize) {
		Assert.isTrue(fetchSize > 0, "'fetchSize' must be positive");
		this.fetchSize = fetchSize;
		return this;
	}

	@Override
	public DefaultRecordQuery params(@Nullable Object... values) {
		Assert.state(!this.namedParams, "Cannot mix positional and named SQL parameters");
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		if (values != null) {
			for (Object value : values) {
				array.add(this.calls.mapper().toValue(value));
			}
		}
		this.sqlParams = array;
		return this;
	}

	@Override
	public DefaultRecordQuery param(String name, @Nullable Object value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.state(this.sqlParams == null || this.namedParams, "Cannot mix positional and named SQL parameters");
		if (this.sqlParams == null) {
			this.sqlParams = JsonNodeFactory.instance.arrayNode();
			this.namedParams = true;
		}
		this.sqlParams.addObject().put("name", name).set("value", this.calls.mapper().toValue(value));
		return this;
	}

	private ObjectNode params() {
		ObjectNode params = this.params.deepCopy();
		if (this.sqlParams != null) {
			params.set("sqlParams", this.sqlParams.deepCopy());
		}
		return params;
	}

	@Override
	public <T> List<T> list(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		ObjectNode params = params();
		if (this.skip > 0) {
			params.put("skipRecords", this.skip);
		}
		if (this.reverseOrder) {
			params.put("reverseOrder", true);
		}
		params.put("maxRecords", this.limit + 1);
		FairComResponse response = this.calls.execute(this.action, params, this.scope);
		JsonNode data = DbCalls.withinLimit(response, this.subject, this.limit);
		return this.calls.mapper().readAll(data, type, response);
	}

	@Override
	public <T> Stream<T> stream(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		Assert.state(!this.reverseOrder,
				"FairCom ignores reverseOrder for cursors; use list() or an index with sortDescending fields");
		ObjectNode params = params();
		params.put("returnCursor", true);
		FairComResponse response = this.calls.execute(this.action, params, this.scope);
		String cursorId = DbResults.text(response.result(), "cursorId", null);
		if (cursorId == null || cursorId.isEmpty()) {
			throw FairComExceptionTranslator.incompleteResult(response, "a cursorId");
		}
		CursorSpliterator<T> records = new CursorSpliterator<>(this.calls, cursorId, response.session(), type,
				this.fetchSize, this.skip);
		return StreamSupport.stream(records, false).onClose(records::close);
	}

	@Override
	public <T, R> R stream(Class<T> type, Function<? super Stream<T>, ? extends R> callback) {
		Assert.notNull(callback, "'callback' must not be null");
		try (Stream<T> records = stream(type)) {
			return callback.apply(records);
		}
	}

	@Override
	public <T> void forEach(Class<T> type, Consumer<? super T> action) {
		Assert.notNull(action, "'action' must not be null");
		try (Stream<T> records = stream(type)) {
			records.forEach(action);
		}
	}

	@Override
	public <T> Cursor<T> cursor(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		Assert.state(!this.reverseOrder,
				"FairCom ignores reverseOrder for cursors; fetch backward from the end (CursorFetch.fromEnd())");
		Assert.state(this.skip == 0, "FairCom ignores skipRecords when it opens a cursor; skip with CursorFetch.skip");
		return DbCursor.open(this.calls, this.action, params(), this.scope, type);
	}

	@Override
	public String toString() {
		return "RecordQuery[" + DbCalls.API + "/" + this.action + " on " + this.subject + "]";
	}

}
