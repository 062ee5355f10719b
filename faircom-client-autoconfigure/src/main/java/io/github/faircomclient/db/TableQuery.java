package io.github.faircomclient.db;

/**
 * A query that reads a table directly or through an index ({@code getRecordsByTable},
 * {@code getRecordsByIndex}, {@code getRecordsInKeyRange},
 * {@code getRecordsStartingAtKey}, {@code getRecordsByPartialKeyRange}).
 */
public interface TableQuery extends RecordQuery {

	/**
	 * Return only records that meet a condition ({@code tableFilter}), e.g.
	 * {@code "qty < 5 && name != 'x'"}.
	 * @param tableFilter the condition in FairCom's filter syntax
	 * @return this query
	 */
	TableQuery tableFilter(String tableFilter);

	/**
	 * Read records in reverse order ({@code reverseOrder}). Lists only: FairCom ignores
	 * the order for cursors, so a stream of a reversed query is refused.
	 * @return this query
	 */
	TableQuery reverseOrder();

	/**
	 * Skip the first records ({@code skipRecords}).
	 * @param skipRecords the number of records to skip, 0 or more
	 * @return this query
	 */
	TableQuery skip(int skipRecords);

	@Override
	TableQuery limit(int limit);

	@Override
	TableQuery fetchSize(int fetchSize);

}
