package io.github.faircomclient.db;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code getRecordsFromCursor} call of a {@link Cursor}, with the navigation FairCom
 * documents for it, applied in this order: where to start ({@code startFrom}), how far to
 * move ({@code skipRecords}) and how many records to read in which direction
 * ({@code fetchRecords}). Immutable.
 *
 * <pre class="code">
 * CursorFetch.forward(10)                        // the next 10 records
 * CursorFetch.forward(10).fromBeginning().skip(20) // records 21 to 30
 * CursorFetch.backward(5).fromEnd()               // the last 5 records, last first
 * CursorFetch.backward(5).skipBackward(10)        // 5 records before the 10 before the position
 * </pre>
 *
 * Bookmarks ({@code bookmark}, and the {@code id} of FairCom's Maximal example) are not
 * offered: FairCom does not document what they do.
 */
public final class CursorFetch {

	private static final String BEGINNING = "beforeFirstRecord";

	private static final String END = "afterLastRecord";

	private final int fetchRecords;

	private final @Nullable String startFrom;

	private final int skipRecords;

	private CursorFetch(int fetchRecords, @Nullable String startFrom, int skipRecords) {
		this.fetchRecords = fetchRecords;
		this.startFrom = startFrom;
		this.skipRecords = skipRecords;
	}

	/**
	 * Read records after the cursor's position and move past them ({@code fetchRecords}
	 * positive).
	 * @param records how many records to read at most, positive
	 * @return the fetch
	 */
	public static CursorFetch forward(int records) {
		Assert.isTrue(records > 0, "'records' must be positive");
		return new CursorFetch(records, null, 0);
	}

	/**
	 * Read records before the cursor's position, nearest first, and move before them
	 * ({@code fetchRecords} negative).
	 * @param records how many records to read at most, positive
	 * @return the fetch
	 */
	public static CursorFetch backward(int records) {
		Assert.isTrue(records > 0, "'records' must be positive");
		return new CursorFetch(-records, null, 0);
	}

	/**
	 * Return a copy that first moves the cursor before the first record
	 * ({@code "startFrom": "beforeFirstRecord"}).
	 * @return the new fetch
	 */
	public CursorFetch fromBeginning() {
		return new CursorFetch(this.fetchRecords, BEGINNING, this.skipRecords);
	}

	/**
	 * Return a copy that first moves the cursor after the last record
	 * ({@code "startFrom": "afterLastRecord"}).
	 * @return the new fetch
	 */
	public CursorFetch fromEnd() {
		return new CursorFetch(this.fetchRecords, END, this.skipRecords);
	}

	/**
	 * Return a copy that skips records forward before reading ({@code skipRecords}
	 * positive).
	 * @param records how many records to skip, 0 or more
	 * @return the new fetch
	 */
	public CursorFetch skip(int records) {
		Assert.isTrue(records >= 0, "'records' must not be negative");
		return new CursorFetch(this.fetchRecords, this.startFrom, records);
	}

	/**
	 * Return a copy that skips records backward before reading ({@code skipRecords}
	 * negative).
	 * @param records how many records to skip, 0 or more
	 * @return the new fetch
	 */
	public CursorFetch skipBackward(int records) {
		Assert.isTrue(records >= 0, "'records' must not be negative");
		return new CursorFetch(this.fetchRecords, this.startFrom, -records);
	}

	/**
	 * Return the {@code fetchRecords} sent: positive forward, negative backward.
	 * @return the number of records and their direction
	 */
	public int fetchRecords() {
		return this.fetchRecords;
	}

	/**
	 * Return the {@code skipRecords} sent: positive forward, negative backward.
	 * @return the number of records skipped and their direction
	 */
	public int skipRecords() {
		return this.skipRecords;
	}

	/**
	 * Return the {@code startFrom} sent.
	 * @return {@code beforeFirstRecord}, {@code afterLastRecord} or {@code null} to go on
	 * from the cursor's position
	 */
	public @Nullable String startFrom() {
		return this.startFrom;
	}

	boolean isForward() {
		return this.fetchRecords > 0;
	}

	void writeTo(ObjectNode params) {
		if (this.startFrom != null) {
			params.put("startFrom", this.startFrom);
		}
		if (this.skipRecords != 0) {
			params.put("skipRecords", this.skipRecords);
		}
		params.put("fetchRecords", this.fetchRecords);
	}

	@Override
	public String toString() {
		return "CursorFetch[fetchRecords=" + this.fetchRecords + ", skipRecords=" + this.skipRecords + ", startFrom="
				+ this.startFrom + "]";
	}

}
