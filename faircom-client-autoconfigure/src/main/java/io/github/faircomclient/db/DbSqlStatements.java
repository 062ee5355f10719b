package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SQL batches of {@link DbTemplate}: {@code runSqlStatements}. FairCom documents that
 * it cannot run in an existing transaction and runs its statements in a new one of its
 * own, so it runs outside the view's transaction and a bound one does not take it in
 * ({@code TransactionJoin}).
 */
final class DbSqlStatements {

	private final DbCalls calls;

	DbSqlStatements(DbCalls calls) {
		this.calls = calls;
	}

	List<SqlStatementResult> runSqlStatements(List<String> sqlStatements) {
		Assert.notEmpty(sqlStatements, "'sqlStatements' must not be empty");
		ObjectNode params = DbCalls.objectNode();
		ArrayNode statements = params.putArray("sqlStatements");
		for (String sql : sqlStatements) {
			Assert.hasText(sql, "'sqlStatements' must not contain empty statements");
			statements.add(sql);
		}
		FairComResponse response = this.calls.executeOutsideTransaction("runSqlStatements", params, Scope.DATABASE);
		JsonNode data = response.resultArray("data");
		List<SqlStatementResult> results = new ArrayList<>(data.size());
		for (int i = 0; i < data.size(); i++) {
			String sent = (i < sqlStatements.size()) ? sqlStatements.get(i) : "";
			results.add(statement(data.get(i), i + 1, sent, response));
		}
		return results;
	}

	/**
	 * Read the result of one statement; one without its own {@code errorCode}, or with
	 * records that are not objects, is an incomplete answer rather than a success.
	 */
	private SqlStatementResult statement(JsonNode node, int position, String sent, FairComResponse response) {
		Integer errorCode = DbResults.integer(node, "errorCode");
		if (!node.isObject() || errorCode == null) {
			throw FairComExceptionTranslator.incompleteResult(response, "the errorCode of statement " + position);
		}
		JsonNode data = node.get("data");
		boolean query = data != null && data.isArray();
		List<ObjectNode> records = new ArrayList<>();
		if (query) {
			for (JsonNode record : data) {
				if (!(record instanceof ObjectNode object)) {
					throw FairComExceptionTranslator.incompleteResult(response,
							"the records of statement " + position + " as objects");
				}
				records.add(object);
			}
		}
		return new SqlStatementResult(Objects.requireNonNullElse(DbResults.text(node, "sql", null), sent), errorCode,
				DbResults.string(node, "errorMessage"), DbResults.number(node, "affectedRecordCount", -1), query,
				records, response, this.calls.mapper());
	}

}
