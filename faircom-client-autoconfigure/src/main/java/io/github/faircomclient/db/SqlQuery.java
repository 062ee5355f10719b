package io.github.faircomclient.db;

import org.jspecify.annotations.Nullable;

/**
 * A {@code getRecordsUsingSQL} query: one {@code SELECT} statement and its parameters,
 * positional ({@code ?}, sent as an array of values in {@code sqlParams}, as in FairCom's
 * example) or named ({@code :name}, sent as {@code {"name", "value"}} objects). Parameter
 * values are written like record values.
 */
public interface SqlQuery extends RecordQuery {

	/**
	 * Set the values of the positional {@code ?} parameters, in order.
	 * @param values the values
	 * @return this query
	 * @throws IllegalStateException if named parameters were set
	 */
	SqlQuery params(@Nullable Object... values);

	/**
	 * Set the value of a named parameter ({@code :name} in the statement).
	 * @param name the parameter name, without the colon
	 * @param value the value
	 * @return this query
	 * @throws IllegalStateException if positional parameters were set
	 */
	SqlQuery param(String name, @Nullable Object value);

	@Override
	SqlQuery limit(int limit);

	@Override
	SqlQuery fetchSize(int fetchSize);

}
