package io.github.faircomclient.db;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code runSqlStatements} of {@link DbTemplate} on the wire: one result per statement,
 * each with its own error code; only an invalid request fails the call.
 */
class DbSqlStatementsTests {

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

	@Test
	void eachStatementHasItsOwnOutcomeAndAFailingOneDoesNotFailTheCall() {
		this.stub.answer("runSqlStatements", """
				{"dataFormat": "objects", "data": [
				  {"sql": "INSERT INTO items (name) VALUES ('a')", "errorCode": 0, "errorMessage": "",
				   "affectedRecordCount": 1},
				  {"sql": "INSERT INTO nowhere VALUES (1)", "errorCode": 99037, "errorMessage": "SQL error: no table"},
				  {"sql": "SELECT id, name FROM items", "errorCode": 0, "errorMessage": "",
				   "fields": [{"name": "id", "type": "bigint"}, {"name": "name", "type": "varchar"}],
				   "data": [{"id": 1, "name": "a"}, {"id": "2", "name": "b"}], "moreRecords": false}]}
				""");
		List<SqlStatementResult> results = db().withDatabase("sales")
			.runSqlStatements("INSERT INTO items (name) VALUES ('a')", "INSERT INTO nowhere VALUES (1)",
					"SELECT id, name FROM items");
		assertThat(results).extracting(SqlStatementResult::isSuccess).containsExactly(true, false, true);
		assertThat(results.get(0).affectedRecordCount()).isOne();
		assertThat(results.get(0).isQuery()).isFalse();
		assertThat(results.get(0).records()).isEmpty();
		assertThat(results.get(1).errorCode()).isEqualTo(99037);
		assertThat(results.get(1).errorMessage()).isEqualTo("SQL error: no table");
		assertThat(results.get(1).sql()).isEqualTo("INSERT INTO nowhere VALUES (1)");
		assertThat(results.get(2).isQuery()).isTrue();
		assertThat(results.get(2).affectedRecordCount()).isEqualTo(-1);
		assertThat(results.get(2).records(Item.class)).containsExactly(new Item(1, "a"), new Item(2, "b"));
		assertThat(results.get(2).toString()).isEqualTo("SqlStatementResult[errorCode=0, affectedRecordCount=-1, records=2]");
		JsonNode params = this.stub.request("runSqlStatements").get("params");
		assertThat(params.get("databaseName").stringValue()).isEqualTo("sales");
		assertThat(params.get("sqlStatements")).hasSize(3);
		assertThat(params.has("ownerName")).isFalse();
	}

	@Test
	void anInvalidRequestFailsTheCallWithItsTopLevelErrorCode() {
		this.stub.error("runSqlStatements", 99042, "'sqlStatements' must be an array of strings");
		assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> db().runSqlStatements(List.of("x")))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99042));
	}

	@Test
	void aStatementResultWithoutItsErrorCodeIsAnIncompleteAnswerNotASuccess() {
		this.stub.answer("runSqlStatements", "{\"data\":[{\"sql\":\"DELETE FROM items\",\"affectedRecordCount\":3}]}");
		this.stub.answer("runSqlStatements", "{\"data\":[{\"errorCode\":0,\"data\":[[1,\"a\"]]}]}");
		DbOperations db = db();
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> db.runSqlStatements("DELETE FROM items"))
			.withMessageContaining("the errorCode of statement 1");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> db.runSqlStatements("SELECT 1"))
			.withMessageContaining("the records of statement 1 as objects");
	}

	@Test
	void theSqlSentStandsInForOneTheServerDoesNotEcho() {
		this.stub.answer("runSqlStatements", "{\"data\":[{\"errorCode\":0,\"errorMessage\":\"\"}]}");
		assertThat(db().runSqlStatements("DELETE FROM items").get(0).sql()).isEqualTo("DELETE FROM items");
	}

	@Test
	void statementsMustBeGiven() {
		DbOperations db = db();
		assertThatIllegalArgumentException().isThrownBy(() -> db.runSqlStatements());
		assertThatIllegalArgumentException().isThrownBy(() -> db.runSqlStatements(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> db.runSqlStatements("DELETE FROM items", " "));
		assertThat(this.stub.requests()).isEmpty();
	}

}
