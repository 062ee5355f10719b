package io.github.faircomclient.db;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typed reads of {@link DbTemplate} map the {@code data} records straight from the answer's
 * stream: no record reaches the result tree, the record limit is counted while reading
 * (and nothing past it is mapped), and the answers that hold no records array, null records
 * or impossible values fail with the typed errors.
 */
class DbTypedReadsTests {

	private final FairComStub stub = new FairComStub();

	private final List<FairComRequest> sent = new CopyOnWriteArrayList<>();

	private final List<FairComResponse> answers = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Item(long id, String name) {
	}

	/**
	 * DB operations on the stub whose requests and answers are recorded.
	 */
	private DbOperations db(DbSettings.Builder settings) {
		FairComTemplate template = this.stub.template();
		FairComOperations recording = (request) -> {
			this.sent.add(request);
			FairComResponse response = template.execute(request);
			this.answers.add(response);
			return response;
		};
		return new DbTemplate(recording, settings.build());
	}

	private DbOperations db() {
		return db(DbSettings.builder());
	}

	private static String records(int from, int to) {
		return IntStream.rangeClosed(from, to)
			.mapToObj((id) -> "{\"id\":\"" + id + "\",\"name\":\"n" + id + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
	}

	@Test
	void everyTypedReadMapsItsRecordsFromTheStreamWithoutATree() {
		this.stub.answer("getRecordsByIds", "{\"data\":" + records(1, 2) + "}");
		this.stub.answer("getRecordsByTable", "{\"data\":" + records(3, 4) + ",\"totalRecordCount\":2}");
		this.stub.answer("getRecordsUsingSQL", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", "{\"data\":" + records(5, 6) + ",\"moreRecords\":false}");
		DbOperations db = db();
		assertThat(db.getRecordsByIds("items", List.of(1, 2), Item.class)).extracting(Item::id).containsExactly(1L, 2L);
		assertThat(db.getRecordsByTable("items").list(Item.class)).extracting(Item::id).containsExactly(3L, 4L);
		List<Item> streamed = db.getRecordsUsingSQL("SELECT * FROM items").stream(Item.class, Stream::toList);
		assertThat(streamed).extracting(Item::id).containsExactly(5L, 6L);
		List<String> readFromTheStream = this.sent.stream()
			.filter((request) -> "data".equals(request.readField()))
			.map(FairComRequest::action)
			.toList();
		assertThat(readFromTheStream).containsExactly("getRecordsByIds", "getRecordsByTable", "getRecordsFromCursor");
		assertThat(this.answers).filteredOn((response) -> !response.action().equals("getRecordsUsingSQL"))
			.filteredOn((response) -> !response.action().equals("closeCursor"))
			.allSatisfy((response) -> assertThat(response.result().has("data")).as(response.action()).isFalse());
		assertThat(this.answers.get(1).result().get("totalRecordCount").asInt()).as("the rest of the result is kept")
			.isEqualTo(2);
	}

	@Test
	void theLimitIsCountedWhileReadingAndNothingPastItIsMapped() {
		String beyond = "{\"id\":\"not a number\",\"name\":{\"deep\":[1,2,3]}}";
		String many = records(1, 3).replace("]", "," + beyond + "," + records(5, 200).substring(1));
		this.stub.answer("getRecordsByTable", "{\"data\":" + many + ",\"moreRecords\":false}");
		DbOperations db = db(DbSettings.builder().maxRecords(3));
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.as("a server that ignores maxRecords: the record past the limit is not mapped, so it cannot fail")
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("on table 'items' found more than the limit of 3 records")
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(3));
		assertThat(this.stub.request("getRecordsByTable").at("/params/maxRecords").asInt()).isEqualTo(4);
	}

	@Test
	void exactlyTheLimitIsNoFailure() {
		this.stub.answer("getRecordsUsingSQL", "{\"data\":" + records(1, 3) + "}");
		assertThat(db().getRecordsUsingSQL("SELECT * FROM items").limit(3).list(Item.class)).hasSize(3);
	}

	@Test
	void anAnswerWithoutARecordsArrayIsAnIncompleteResult() {
		this.stub.answer("getRecordsByIds", "{\"data\":{\"id\":1}}");
		this.stub.answer("getRecordsByTable", "{\"moreRecords\":false}");
		this.stub.answer("getRecordsByTable", "{\"data\":null}");
		DbOperations db = db();
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db.getRecordsByIds("items", List.of(1), Item.class))
			.withMessageContaining("without a 'data' array (data is object)")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("without a 'data' array (data is missing)");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("without a 'data' array (data is null)");
	}

	@Test
	void aRecordThatDoesNotFitNamesTheFieldAndTheNextCallReadsItsAnswerWhole() {
		this.stub.answer("getRecordsByTable",
				"{\"data\":[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"x\",\"name\":\"b\"},{\"id\":\"3\"}],\"moreRecords\":false}");
		this.stub.answer("getRecordsByTable", "{\"data\":" + records(1, 1) + "}");
		DbOperations db = db();
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("Could not map a record from db/getRecordsByTable (requestId ")
			.withMessageContaining(Item.class.getName() + ": field 'id': ")
			.satisfies((ex) -> assertThat(ex.getTargetType()).isEqualTo(Item.class.getName()));
		assertThat(db.getRecordsByTable("items").list(Item.class)).containsExactly(new Item(1, "n1"));
	}

	@Test
	void anImpossibleDateFromTheServerIsAMappingErrorNamingFieldAndValue() {
		record Event(long id, LocalDate day) {
		}
		this.stub.answer("getRecordsByIds", "{\"data\":[{\"id\":\"1\",\"day\":\"2023-02-30\"}]}");
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> db().getRecordsByIds("events", List.of(1), Event.class))
			.withMessageContaining("field 'day'")
			.withMessageContaining("\"2023-02-30\"")
			.withMessageContaining("Invalid date 'FEBRUARY 30'");
	}

	@Test
	void anErrorAnswerIsTheServerErrorWhateverItsData() {
		this.stub.answerEnvelope("getRecordsByTable",
				"{\"result\":{\"data\":[{\"id\":\"x\"}]},\"errorCode\":4012,\"errorMessage\":\"no such table\"}");
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> db().getRecordsByTable("items").list(Item.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(4012));
	}

	@Test
	void treesAndMapsStillComeAsTheServerSentThem() {
		this.stub.answer("getRecordsByTable", "{\"data\":[{\"id\":\"1\",\"tags\":[\"a\"]}]}");
		this.stub.answer("getRecordsByTable", "{\"data\":[{\"id\":\"1\",\"tags\":[\"a\"]}]}");
		DbOperations db = db();
		JsonNode tree = db.getRecordsByTable("items").list(JsonNode.class).get(0);
		assertThat(tree.toString()).isEqualTo("{\"id\":\"1\",\"tags\":[\"a\"]}");
		assertThat(db.getRecordsByTable("items").list(java.util.Map.class).get(0)).containsEntry("id", "1");
	}

}
