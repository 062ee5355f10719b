package io.github.faircomclient.test.db;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests {@link DbStore}: default databases, creation and deletion, file mode.
 */
class DbStoreTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void startsWithTheDocumentedDatabasesSortedByName() {
		try (DbStore store = DbStore.inMemory()) {
			assertThat(store.databases()).extracting(Database::name).containsExactly("ctreeSQL", "faircom");
			Database created = store.createDatabase("Another", ".");
			assertThat(created.path()).isEqualTo(".\\Another.dbs\\SQL_SYS");
			assertThat(store.find("another")).isSameAs(created);
			assertThatExceptionOfType(DbException.class).isThrownBy(() -> store.createDatabase("ANOTHER", null))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(4021));
			assertThat(store.deleteDatabase("another")).isSameAs(created);
			assertThat(store.deleteDatabase("another")).isNull();
		}
	}

	@Test
	void twoStoresInMemoryDoNotShareData() {
		try (DbStore first = DbStore.inMemory(); DbStore second = DbStore.inMemory()) {
			first.createDatabase("only_here", null);
			assertThat(second.find("only_here")).isNull();
		}
	}

	@Test
	void fileStoreKeepsDatabasesTablesAndRecords(@TempDir Path folder) {
		TestContext.MutableClock clock = new TestContext.MutableClock();
		TestContext context = new TestContext("s", clock);
		try (DbApi api = new DbApi(DbStore.inDirectory(folder), clock::now, (session) -> 600L)) {
			api.handle("createDatabase", JSON.readTree("{\"databaseName\":\"kept\"}"), context);
			context.database = "kept";
			api.handle("createTable", JSON.readTree("{\"tableName\":\"Notes\",\"fields\":[{\"name\":\"Text\","
					+ "\"type\":\"varchar\",\"length\":20}]}"), context);
			api.handle("insertRecords", JSON.readTree("{\"tableName\":\"Notes\",\"sourceData\":[{\"Text\":\"hello\"}]}"),
					context);
		}
		try (DbApi api = new DbApi(DbStore.inDirectory(folder), Instant::now, (session) -> 600L)) {
			context.database = "kept";
			var result = api.handle("getRecordsByTable", JSON.readTree("{\"tableName\":\"notes\"}"), context);
			assertThat(result.get("data").get(0).get("Text").asString()).isEqualTo("hello");
			assertThat(result.get("fields").get(2).get("name").asString()).isEqualTo("Text");
			var inserted = api.handle("insertRecords", JSON.readTree("{\"tableName\":\"Notes\",\"sourceData\":"
					+ "[{\"Text\":\"again\"}]}"), context);
			assertThat(inserted.get("data").get(0).get("id").asLong()).isEqualTo(2);
		}
	}
}
