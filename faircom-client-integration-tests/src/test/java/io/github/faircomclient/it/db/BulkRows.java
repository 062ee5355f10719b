package io.github.faircomclient.it.db;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;

/**
 * The table and records of the bulk-load integration tests: four fields, the primary key
 * {@code code} given by the client.
 */
final class BulkRows {

	static final String TABLE = "bulk_rows";

	private BulkRows() {
	}

	/**
	 * One record.
	 *
	 * @param code the primary key
	 * @param name a short text
	 * @param amount a number
	 * @param created a timestamp
	 */
	record Row(long code, String name, double amount, LocalDateTime created) {

		static Row of(long code) {
			return new Row(code, "row-" + code, code * 0.25, LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(code));
		}

	}

	static void createTable(DbOperations db) {
		db.createTable(TableDefinition.builder(TABLE)
			.field(FieldDefinition.bigint("code").nullable(false))
			.field(FieldDefinition.varchar("name", 40))
			.field(FieldDefinition.float64("amount"))
			.field(FieldDefinition.timestamp("created"))
			.primaryKeyFields("code")
			.build());
	}

	/**
	 * Return the records {@code 0} to {@code count - 1}, made as they are read.
	 */
	static Stream<Row> rows(int count) {
		return IntStream.range(0, count).mapToObj(Row::of);
	}

	static List<Row> expected(int from, int to) {
		return IntStream.range(from, to).mapToObj(Row::of).toList();
	}

	/**
	 * Return every record of the table in key order.
	 */
	static List<Row> stored(DbOperations db) {
		return db.getRecordsUsingSQL("SELECT code, name, amount, created FROM " + TABLE + " ORDER BY code")
			.fetchSize(1000)
			.stream(Row.class, Stream::toList);
	}

}
