package io.github.faircomclient.db;

import java.util.List;

/**
 * A server cursor that {@link RecordQuery#cursor(Class)} opened, walked with
 * {@code getRecordsFromCursor} in both directions: from the beginning or the end, skipping
 * and fetching forward or backward (see {@link CursorFetch}). The cursor keeps its
 * position between calls. Close it (try-with-resources) to send {@code closeCursor},
 * exactly once; a cursor neither closed nor used stays open on the server until the
 * session's cursor idle timeout.
 *
 * <pre class="code">
 * try (Cursor&lt;Item&gt; items = db.getRecordsByIndex("items", "name_idx").cursor(Item.class)) {
 *     List&lt;Item&gt; first = items.fetch(20);                                 // 1..20
 *     List&lt;Item&gt; next = items.fetch(20);                                  // 21..40
 *     List&lt;Item&gt; back = items.fetchBackward(5);                           // 40..36
 *     List&lt;Item&gt; last = items.fetch(CursorFetch.backward(10).fromEnd());  // the last 10, last first
 * }
 * </pre>
 *
 * A cursor belongs to the session that opened it: every call on it is bound to that
 * session. Once the session has expired, fetching fails with
 * {@link io.github.faircomclient.FairComSessionExpiredException} and is not replayed, and
 * closing sends nothing: the server closed the cursor with its session. Bookmarks are not
 * offered: FairCom does not document them. A cursor is meant for one thread at a time;
 * {@link #close()} may come from any thread.
 *
 * @param <T> the record type
 */
public interface Cursor<T> extends AutoCloseable {

	/**
	 * Read the records after the position and move past them.
	 * @param records how many records to read at most, positive
	 * @return the records in cursor order, empty at the end
	 * @throws IllegalStateException if the cursor has been closed
	 */
	List<T> fetch(int records);

	/**
	 * Read the records before the position, nearest first, and move before them.
	 * @param records how many records to read at most, positive
	 * @return the records in reverse cursor order, empty at the beginning
	 * @throws IllegalStateException if the cursor has been closed
	 */
	List<T> fetchBackward(int records);

	/**
	 * Move and read in one call: start from the beginning or the end, skip, then fetch
	 * forward or backward.
	 * @param fetch the navigation
	 * @return the records, nearest first
	 * @throws IllegalStateException if the cursor has been closed
	 */
	List<T> fetch(CursorFetch fetch);

	/**
	 * Return whether the server reported more records in the direction of the last fetch
	 * ({@code moreRecords}); {@code true} before the first fetch. FairCom documents that it
	 * may report more records when none follow: an empty fetch ends a walk too.
	 * @return whether more records follow
	 */
	boolean hasMoreRecords();

	/**
	 * Return whether the cursor is open: not closed, and its session not known to be gone.
	 * @return whether the cursor is open
	 */
	boolean isOpen();

	/**
	 * Close the server cursor ({@code closeCursor}) once; later calls do nothing. Failures
	 * are logged, not thrown; nothing is sent if the cursor's session is gone.
	 */
	@Override
	void close();

}
