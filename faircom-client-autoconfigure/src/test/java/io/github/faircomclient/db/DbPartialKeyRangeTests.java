package io.github.faircomclient.db;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code getRecordsByPartialKeyRange} of {@link DbTemplate} on the wire: both documented
 * forms of the partial key, and the query forms every other table query has.
 */
class DbPartialKeyRangeTests {

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Athlete(long id, String name) {
	}

	private DbOperations db() {
		return this.stub.template().db();
	}

	@Test
	void aPrefixIsSentAsTheStringFormAndValuesAsTheArrayForm() {
		DbOperations db = db();
		db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "Mi")).list(Athlete.class);
		db.getRecordsByPartialKeyRange("athlete", PartialKey.values("ranking_name", 3, "Mu"))
			.tableFilter("livedPast2000 == 1")
			.reverseOrder()
			.skip(2)
			.limit(10)
			.list(Athlete.class);
		List<JsonNode> sent = this.stub.requests("getRecordsByPartialKeyRange");
		JsonNode prefix = sent.get(0).get("params");
		assertThat(prefix.get("tableName").stringValue()).isEqualTo("athlete");
		assertThat(prefix.get("indexName").stringValue()).isEqualTo("name_idx");
		assertThat(prefix.get("partialKey").stringValue()).isEqualTo("Mi");
		assertThat(prefix.get("maxRecords").intValue()).isEqualTo(1001);
		assertThat(prefix.get("binaryFormat").stringValue()).as("the default").isEqualTo("base64");
		JsonNode values = sent.get(1).get("params");
		assertThat(values.get("partialKey").toString()).isEqualTo("[3,\"Mu\"]");
		assertThat(values.get("tableFilter").stringValue()).isEqualTo("livedPast2000 == 1");
		assertThat(values.get("reverseOrder").booleanValue()).isTrue();
		assertThat(values.get("skipRecords").intValue()).isEqualTo(2);
		assertThat(values.get("maxRecords").intValue()).isEqualTo(11);
	}

	@Test
	void itListsStreamsAndOpensCursorsLikeEveryTableQuery() {
		this.stub.answer("getRecordsByPartialKeyRange", "{\"data\":[{\"id\":1,\"name\":\"Mike\"},{\"id\":2,\"name\":\"Mia\"}]}");
		this.stub.answer("getRecordsByPartialKeyRange", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", "{\"data\":[{\"id\":1,\"name\":\"Mike\"}],\"moreRecords\":false}");
		this.stub.answer("getRecordsByPartialKeyRange", "{\"cursorId\":\"C2\"}");
		this.stub.answer("getRecordsFromCursor", "{\"data\":[{\"id\":2,\"name\":\"Mia\"}],\"moreRecords\":false}");
		DbOperations db = db();
		PartialKey mi = PartialKey.prefix("name_idx", "Mi");
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db.getRecordsByPartialKeyRange("athlete", mi).limit(1).list(Athlete.class))
			.withMessageContaining("getRecordsByPartialKeyRange on table 'athlete'");
		long streamed = db.getRecordsByPartialKeyRange("athlete", mi).stream(Athlete.class, Stream::count);
		assertThat(streamed).isOne();
		try (Cursor<Athlete> cursor = db.getRecordsByPartialKeyRange("athlete", mi).cursor(Athlete.class)) {
			assertThat(cursor.fetch(CursorFetch.backward(1).fromEnd())).extracting(Athlete::name).containsExactly("Mia");
		}
		assertThat(this.stub.requests("getRecordsByPartialKeyRange"))
			.extracting((request) -> request.at("/params/returnCursor").asBoolean(false))
			.containsExactly(false, true, true);
	}

	@Test
	void aPartialKeyNamesItsIndexAndSomeValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> PartialKey.prefix("", "Mi"));
		assertThatIllegalArgumentException().isThrownBy(() -> PartialKey.values("idx"));
		assertThatIllegalArgumentException().isThrownBy(() -> PartialKey.values("idx", 1, null));
		assertThat(PartialKey.prefix("idx", "").prefix()).isEmpty();
		assertThat(PartialKey.values("idx", 1, "a").values()).containsExactly(1, "a");
		assertThat(PartialKey.values("idx", 1).prefix()).isNull();
		assertThat(PartialKey.prefix("idx", "Mi")).hasToString("PartialKey[idx, 'Mi']");
	}

}
