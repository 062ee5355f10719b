package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The table maintenance of {@link DbTemplate}: {@code alterTable}, {@code rebuildTables}
 * and {@code rebuildIndexes}. None runs in a transaction: FairCom documents
 * {@code rebuildTables} as not transactional, and a server (the emulator among them) may
 * refuse a {@code transactionId} on any of the three, so they run outside the view's
 * transaction and a bound one does not take them in ({@code TransactionJoin}).
 */
final class DbTableMaintenance {

	private final DbCalls calls;

	private final DbSchema schema;

	DbTableMaintenance(DbCalls calls, DbSchema schema) {
		this.calls = calls;
		this.schema = schema;
	}

	TableDescription alterTable(TableAlteration alteration) {
		Assert.notNull(alteration, "'alteration' must not be null");
		ObjectNode params = DbCalls.objectNode();
		alteration.writeTo(params);
		FairComResponse response = this.calls.executeOutsideTransaction("alterTable", params, Scope.OWNER);
		JsonNode altered = response.result().path("data").path(0);
		if (altered.isObject()) {
			return DbResults.description(altered);
		}
		return this.schema.describeTable(alteration.getTableName())
			.orElseThrow(() -> FairComExceptionTranslator.incompleteResult(response,
					"the table '" + alteration.getTableName() + "', which describeTables does not find either"));
	}

	TableRebuildResult rebuildTables(List<String> tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		Assert.noNullElements(tableNames, "'tableNames' must not contain null");
		ObjectNode params = DbCalls.objectNode();
		ArrayNode names = params.putArray("tableNames");
		for (String tableName : tableNames) {
			Assert.hasText(tableName, "'tableNames' must not contain empty names");
			names.add(tableName);
		}
		FairComResponse response = this.calls.executeOutsideTransaction("rebuildTables", params, Scope.OWNER);
		List<TableDescription> rebuilt = new ArrayList<>();
		response.optionalResultArray("data").forEach((table) -> {
			if (table.isObject()) {
				rebuilt.add(DbResults.description(table));
			}
		});
		Set<String> described = new HashSet<>();
		rebuilt.forEach((table) -> described.add(table.tableName().toLowerCase(Locale.ROOT)));
		List<String> notRebuilt = tableNames.stream()
			.filter((name) -> !described.contains(name.toLowerCase(Locale.ROOT)))
			.toList();
		return new TableRebuildResult(rebuilt, notRebuilt, response.warnings());
	}

	void rebuildIndexes(String tableName) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		this.calls.executeOutsideTransaction("rebuildIndexes", DbCalls.objectNode().put("tableName", tableName),
				Scope.OWNER);
	}

}
