package io.github.faircomclient.benchmarks;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the benchmarks ask the server: a realistic small read, {@code db/getRecordsByIds} of three
 * records of FairCom's tutorial table {@code athlete}, with the parameters as a Java record (how
 * applications call it); and a table of a million rows to stream through a cursor.
 */
final class Workload {

	static final String USERNAME = "ADMIN";

	static final String PASSWORD = "ADMIN";

	static final String API = "db";

	static final String ACTION = "getRecordsByIds";

	static final RecordsByIds PARAMS = new RecordsByIds("athlete", List.of(1L, 2L, 3L));

	static final String STREAM_TABLE = "stream_rows";

	static final int STREAM_ROWS = 1_000_000;

	private Workload() {
	}

	/**
	 * Create and fill the {@code athlete} table (FairCom's tutorial data).
	 * @param client a client logged in to the emulator
	 */
	static void createAthletes(BenchClient client) {
		client.call("db", "createTable", Map.of("tableName", "athlete", "fields", List.of(
				Map.of("name", "name", "type", "varchar", "length", 30),
				Map.of("name", "ranking", "type", "smallint", "nullable", false),
				Map.of("name", "birthDate", "type", "date"),
				Map.of("name", "playerNumber", "type", "number", "length", 32, "scale", 6),
				Map.of("name", "livedPast2000", "type", "bit"),
				Map.of("name", "earnings", "type", "money", "length", 32, "scale", 4),
				Map.of("name", "favoriteSaying", "type", "varchar", "length", 500))));
		client.call("db", "insertRecords", Map.of("tableName", "athlete", "dataFormat", "objects", "sourceData",
				List.of(athlete("Michael Jordan", 1, "19630217", 23, true, 1700000000L,
						"There is no 'i' in team but there is in win."),
						athlete("Babe Ruth", 2, "18950206", 3, false, 800000L,
								"Every strike brings me closer to the next home run."),
						athlete("Muhammad Ali", 3, "19420117", 1, true, 60000000L,
								"Float like a butterfly, sting like a bee."),
						athlete("Pele", 4, "19401023", 10, true, 115000000L, "Everything is practice."),
						athlete("Wayne Gretzky", 5, "19610126", 99, true, 1720000L,
								"You miss 100 percent of the shots you never take."))));
	}

	private static Map<String, Object> athlete(String name, int ranking, String birthDate, int playerNumber,
			boolean livedPast2000, long earnings, String favoriteSaying) {
		return Map.of("name", name, "ranking", ranking, "birthDate", birthDate, "playerNumber", playerNumber,
				"livedPast2000", livedPast2000, "earnings", earnings, "favoriteSaying", favoriteSaying);
	}

	/**
	 * Create the table of {@value #STREAM_ROWS} rows to stream: {@code id}, {@code name},
	 * {@code amount}, {@code created} (about 90 bytes of JSON per record).
	 * @param client a client logged in to the emulator
	 */
	static void createStreamRows(BenchClient client) {
		JsonNode result = client.call("db", "runSqlStatements", Map.of("sqlStatements", List.of(
				"CREATE TABLE " + STREAM_TABLE
						+ " (id BIGINT PRIMARY KEY, name VARCHAR(40), amount DOUBLE PRECISION, created TIMESTAMP(3))",
				"INSERT INTO " + STREAM_TABLE + " SELECT X, CONCAT('record-', X), X * 0.25,"
						+ " DATEADD('SECOND', X, TIMESTAMP '2026-01-01 00:00:00') FROM SYSTEM_RANGE(1, " + STREAM_ROWS
						+ ")")));
		for (JsonNode statement : result.path("data")) {
			if (statement.path("errorCode").asInt(-1) != 0) {
				throw new IllegalStateException("Could not create " + STREAM_TABLE + ": " + statement);
			}
		}
	}

	/**
	 * The parameters of {@code getRecordsByIds}.
	 *
	 * @param tableName the table
	 * @param ids the primary keys
	 */
	record RecordsByIds(String tableName, List<Long> ids) {
	}

}
