package io.github.faircomclient.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule of which calls join a transaction bound to the template.
 */
class TransactionJoinTests {

	@Test
	void dbWorkJoinsWhateverItsSpelling() {
		assertThat(TransactionJoin.joins("db", "insertRecords")).isTrue();
		assertThat(TransactionJoin.joins("DB", "GETRECORDSBYTABLE")).isTrue();
		assertThat(TransactionJoin.joins("db", "createTable")).isTrue();
		assertThat(TransactionJoin.joins("db", "someFutureAction")).isTrue();
	}

	@Test
	void actionsThatNameTheirOwnTransactionOrCursorOrCannotRunInOneDoNotJoin() {
		for (String action : new String[] { "createTransaction", "commitTransaction", "rollbackTransaction",
				"createTransactionSavePoint", "createTransactionSavepoint", "revertToTransactionSavepoint",
				"revertTransactionToSavepoint", "listTransactions", "getRecordsFromCursor", "closeCursor",
				"runSqlStatements", "rebuildTables", "rebuildIndexes", "alterTable" }) {
			assertThat(TransactionJoin.joins("db", action)).as(action).isFalse();
		}
	}

	@Test
	void otherApisAndRequestsWithoutAnApiDoNotJoin() {
		assertThat(TransactionJoin.joins("admin", "pingSession")).isFalse();
		assertThat(TransactionJoin.joins("mq", "publishMessagesToMq")).isFalse();
		assertThat(TransactionJoin.joins(null, "insertRecords")).isFalse();
	}

}
