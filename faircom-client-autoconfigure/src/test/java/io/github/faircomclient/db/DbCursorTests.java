package io.github.faircomclient.db;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The navigable {@link Cursor} of {@link RecordQuery#cursor(Class)} on the wire: what each
 * navigation sends to {@code getRecordsFromCursor}, that {@code closeCursor} goes out once,
 * and that the cursor dies with its session.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbCursorTests {

	private static final String SESSION_GONE = "'authToken' does not match any existing session.";

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Item(long id, String name) {
	}

	private DbOperations db() {
		return this.stub.template().db();
	}

	private static String page(boolean more, int... ids) {
		return "{\"data\":[" + String.join(",", IntStream.of(ids)
			.mapToObj((id) -> "{\"id\":" + id + ",\"name\":\"n" + id + "\"}")
			.toList()) + "],\"moreRecords\":" + more + "}";
	}

	private List<JsonNode> fetchParams() {
		return this.stub.requests("getRecordsFromCursor").stream().map((request) -> request.get("params")).toList();
	}

	@Test
	void eachNavigationIsOneGetRecordsFromCursorWithTheDocumentedProperties() {
		this.stub.answer("getRecordsByIndex", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(true, 1, 2));
		this.stub.answer("getRecordsFromCursor", page(true, 2));
		this.stub.answer("getRecordsFromCursor", page(false, 10, 9));
		this.stub.answer("getRecordsFromCursor", page(true, 4, 5));
		this.stub.answer("getRecordsFromCursor", page(true, 3));
		try (Cursor<Item> items = db().getRecordsByIndex("items", "id_pk").cursor(Item.class)) {
			assertThat(items.hasMoreRecords()).as("before the first fetch").isTrue();
			assertThat(items.fetch(2)).extracting(Item::id).containsExactly(1L, 2L);
			assertThat(items.fetchBackward(1)).extracting(Item::id).containsExactly(2L);
			assertThat(items.fetch(CursorFetch.backward(2).fromEnd())).extracting(Item::id).containsExactly(10L, 9L);
			assertThat(items.hasMoreRecords()).isFalse();
			assertThat(items.fetch(CursorFetch.forward(2).fromBeginning().skip(3))).extracting(Item::id)
				.containsExactly(4L, 5L);
			assertThat(items.fetch(CursorFetch.backward(1).skipBackward(1))).extracting(Item::id).containsExactly(3L);
			assertThat(items.isOpen()).isTrue();
		}
		JsonNode open = this.stub.request("getRecordsByIndex").get("params");
		assertThat(open.get("returnCursor").booleanValue()).isTrue();
		assertThat(open.has("skipRecords") || open.has("maxRecords") || open.has("reverseOrder")).isFalse();
		List<JsonNode> fetches = fetchParams();
		assertThat(fetches).extracting((params) -> params.get("cursorId").stringValue()).containsOnly("C1");
		assertThat(fetches).extracting((params) -> params.get("fetchRecords").intValue())
			.containsExactly(2, -1, -2, 2, -1);
		assertThat(fetches).extracting((params) -> params.path("startFrom").asString(null))
			.containsExactly(null, null, "afterLastRecord", "beforeFirstRecord", null);
		assertThat(fetches).extracting((params) -> params.path("skipRecords").asInt(0)).containsExactly(0, 0, 0, 3, -1);
		assertThat(fetches.get(0).has("skipRecords")).as("no skip, no property").isFalse();
		assertThat(fetches).allSatisfy((params) -> assertThat(params.has("id") || params.has("bookmark")).isFalse());
		assertThat(this.stub.request("closeCursor").at("/params/cursorId").stringValue()).isEqualTo("C1");
		assertThat(this.stub.actions()).last().isEqualTo("closeCursor");
	}

	@Test
	void closeSendsCloseCursorOnceAndAClosedCursorCannotFetch() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		Cursor<Item> items = db().getRecordsByTable("items").cursor(Item.class);
		items.close();
		items.close();
		assertThat(items.isOpen()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> items.fetch(1)).withMessage("The cursor has been closed");
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "closeCursor");
	}

	@Test
	void aFailedFetchLeavesTheCursorOpenForTheCallerToClose() {
		this.stub.answer("getRecordsUsingSQL", "{\"cursorId\":\"C1\"}");
		this.stub.error("getRecordsFromCursor", 99042, "bad skip");
		this.stub.answer("getRecordsFromCursor", page(false, 7));
		try (Cursor<Item> items = db().getRecordsUsingSQL("SELECT * FROM items").cursor(Item.class)) {
			assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> items.fetch(1))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99042));
			assertThat(items.isOpen()).isTrue();
			assertThat(items.fetch(1)).extracting(Item::id).containsExactly(7L);
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsUsingSQL", "getRecordsFromCursor",
				"getRecordsFromCursor", "closeCursor");
		assertThat(this.stub.request("getRecordsUsingSQL").at("/params/returnCursor").booleanValue()).isTrue();
	}

	@Test
	void aFetchThatFindsTheSessionGoneSendsNoCloseCursor() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.error("getRecordsFromCursor", 12031, SESSION_GONE);
		try (Cursor<Item> items = db().getRecordsByTable("items").cursor(Item.class)) {
			assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> items.fetch(5))
				.withMessageContaining("is not replayed");
			assertThat(items.isOpen()).isFalse();
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor");
	}

	@Test
	void aCursorWhoseSessionWasReplacedIsRefusedWithoutBeingSentAndClosingSendsNothing(CapturedOutput output) {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(true, 1));
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		Cursor<Item> items = db.getRecordsByTable("items").cursor(Item.class);
		assertThat(items.fetch(1)).hasSize(1);
		db.listTables();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> items.fetchBackward(1))
			.withMessageContaining("cursor 'C1' belonged to a session that expired");
		items.close();
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor", "listTables",
				"listTables");
		assertThat(output).doesNotContain("Could not close FairCom cursor");
	}

	@Test
	void aFailingCloseCursorIsLoggedNotThrown(CapturedOutput output) {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.error("closeCursor", 77, "cannot close");
		db().getRecordsByTable("items").cursor(Item.class).close();
		assertThat(output).contains("Could not close FairCom cursor").contains("errorCode 77");
	}

	@Test
	void skipAndReverseOrderOfTheQueryAreRefusedBecauseFairComIgnoresThemForCursors() {
		DbOperations db = db();
		assertThatIllegalStateException().isThrownBy(() -> db.getRecordsByTable("items").skip(3).cursor(Item.class))
			.withMessageContaining("CursorFetch.skip");
		assertThatIllegalStateException()
			.isThrownBy(() -> db.getRecordsByTable("items").reverseOrder().cursor(Item.class))
			.withMessageContaining("CursorFetch.fromEnd()");
		assertThat(this.stub.requests()).isEmpty();
	}

	@Test
	void anAnswerWithoutCursorIdIsAProtocolErrorAndNothingIsLeftToClose() {
		this.stub.answer("getRecordsByTable", "{\"data\":[]}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db().getRecordsByTable("items").cursor(Item.class))
			.withMessageContaining("db/getRecordsByTable without a cursorId");
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable");
	}

	@Test
	void fetchCountsArePositiveAndSkipsNotNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> CursorFetch.forward(0));
		assertThatIllegalArgumentException().isThrownBy(() -> CursorFetch.backward(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> CursorFetch.forward(1).skip(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> CursorFetch.forward(1).skipBackward(-1));
		CursorFetch fetch = CursorFetch.backward(3).fromEnd().skipBackward(2);
		assertThat(fetch.fetchRecords()).isEqualTo(-3);
		assertThat(fetch.skipRecords()).isEqualTo(-2);
		assertThat(fetch.startFrom()).isEqualTo("afterLastRecord");
		assertThat(fetch.fromBeginning().startFrom()).isEqualTo("beforeFirstRecord");
		assertThat(fetch.skip(4).skipRecords()).as("the last skip wins").isEqualTo(4);
	}

	@Test
	void aFetchIsNeverSentAgainAfterALostAnswerBecauseTheCursorMayHaveMoved() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.failConnection("getRecordsFromCursor");
		try (Cursor<Item> items = db().getRecordsByTable("items").cursor(Item.class)) {
			assertThatExceptionOfType(FairComTransportException.class).isThrownBy(() -> items.fetch(10));
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor", "closeCursor");
	}

}
