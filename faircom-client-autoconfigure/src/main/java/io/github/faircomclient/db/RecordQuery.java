package io.github.faircomclient.db;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.faircomclient.FairComRecordLimitExceededException;

/**
 * A {@code getRecords...} query, configured fluently and then run by one of its terminal
 * methods: {@link #list} for a bounded result, {@link #stream} or {@link #forEach} to page
 * through a server cursor. An instance is not thread-safe and is meant to be used once.
 * <p>
 * Records map to any Java type the record mapper can read (records, POJOs, maps); pass
 * {@code JsonNode.class} or {@code ObjectNode.class} to keep them as Jackson trees.
 * <p>
 * FairCom returns only 20 records unless told otherwise. {@link #list} asks for one more
 * record than its limit and fails with {@link FairComRecordLimitExceededException} rather
 * than returning a silently truncated result.
 */
public interface RecordQuery {

	/**
	 * Set the most records {@link #list} accepts (the default is {@code faircom.db.max-records}).
	 * It does not truncate: more records fail. Streams are not limited.
	 * @param limit a positive number below {@link Integer#MAX_VALUE}
	 * @return this query
	 */
	RecordQuery limit(int limit);

	/**
	 * Set how many records a stream fetches per {@code getRecordsFromCursor} (the default
	 * is {@code faircom.db.fetch-size}).
	 * @param fetchSize a positive number
	 * @return this query
	 */
	RecordQuery fetchSize(int fetchSize);

	/**
	 * Run the query and return every record.
	 * @param <T> the record type
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @return the records, in the server's order
	 * @throws FairComRecordLimitExceededException if there are more records than the limit
	 * @throws io.github.faircomclient.FairComException if the action fails or a record does
	 * not fit the type
	 */
	<T> List<T> list(Class<T> type);

	/**
	 * Open a server cursor and return its records as a lazy stream that fetches a page at
	 * a time. Close the stream (try-with-resources) to close the cursor; the cursor is
	 * also closed when the stream has been read to its end or a fetch fails. A stream that
	 * is neither closed nor read to the end leaves the cursor open until the session's
	 * cursor idle timeout. The cursor belongs to the session that opened it: once that
	 * session has expired, reading on fails with
	 * {@link io.github.faircomclient.FairComSessionExpiredException} (without a request
	 * once another call has logged in again), and closing sends nothing.
	 * @param <T> the record type
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @return the records
	 * @throws io.github.faircomclient.FairComException if the cursor cannot be opened
	 */
	<T> Stream<T> stream(Class<T> type);

	/**
	 * Open a server cursor, pass its records as a stream to a callback and close the cursor
	 * when the callback returns or throws.
	 * @param <T> the record type
	 * @param <R> the result type
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @param callback what to do with the records
	 * @return the callback's result
	 */
	<T, R> R stream(Class<T> type, Function<? super Stream<T>, ? extends R> callback);

	/**
	 * Open a server cursor, pass each record to an action and close the cursor when all
	 * records were passed or the action throws.
	 * @param <T> the record type
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @param action what to do with each record
	 */
	<T> void forEach(Class<T> type, Consumer<? super T> action);

	/**
	 * Open a server cursor and return it as a {@link Cursor} to walk in both directions
	 * ({@code getRecordsFromCursor} with {@code startFrom}, {@code skipRecords} and
	 * {@code fetchRecords}); close it to close the server cursor. The limit and fetch size
	 * do not apply: each fetch says how many records it reads. A query with
	 * {@code skip} or {@code reverseOrder} is refused (FairCom ignores both for cursors):
	 * skip with {@link CursorFetch#skip}, read backward from the end with
	 * {@link CursorFetch#fromEnd()}.
	 * @param <T> the record type
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @return the open cursor, before its first record
	 * @throws io.github.faircomclient.FairComException if the cursor cannot be opened
	 */
	<T> Cursor<T> cursor(Class<T> type);

}
