package io.github.faircomclient.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.db.DbTransactionHolder;

/**
 * The one rule of which calls join the transaction a {@code FairComTransactionManager}
 * bound to the template on the calling thread: every call of the {@code db} api, typed or
 * through {@code execute(...)}, whose parameters carry no {@code transactionId} or that
 * transaction's, except
 * <ul>
 * <li>the actions that name their own transaction or cursor: {@code createTransaction},
 * {@code commitTransaction}, {@code rollbackTransaction}, the savepoint actions,
 * {@code listTransactions}, {@code getRecordsFromCursor} and {@code closeCursor};</li>
 * <li>the actions that cannot run in a transaction and run on their own:
 * {@code runSqlStatements} (FairCom documents that it cannot run in an existing
 * transaction), {@code rebuildTables} (documented as not transactional),
 * {@code rebuildIndexes} and {@code alterTable}.</li>
 * </ul>
 * A joined call gets the {@code transactionId}, is bound to the transaction's session
 * (never sent with another, never replayed) and ends by the transaction's deadline: a
 * call made after it fails with {@link org.springframework.transaction.TransactionTimedOutException}
 * and marks the transaction rollback-only. A call whose parameters name another
 * transaction is left alone. Action names are matched case-insensitively; a request
 * without an api does not join.
 */
final class TransactionJoin {

	private static final Set<String> NOT_JOINED = Set.of("createtransaction", "committransaction",
			"rollbacktransaction", "createtransactionsavepoint", "reverttotransactionsavepoint",
			"reverttransactiontosavepoint", "listtransactions", "getrecordsfromcursor", "closecursor",
			"runsqlstatements", "rebuildtables", "rebuildindexes", "altertable");

	private TransactionJoin() {
	}

	/**
	 * Let a call join the transaction, if the rule says it does.
	 * @param call the call, before its first attempt
	 * @param transaction the transaction bound to the template
	 * @throws org.springframework.transaction.TransactionTimedOutException if the
	 * transaction's deadline has passed
	 */
	static void join(Call call, DbTransactionHolder transaction) {
		FairComRequest request = call.request();
		if (!joins(request.api(), request.action())) {
			return;
		}
		String given = call.transactionId();
		if (given != null && !given.equals(transaction.getTransactionId())) {
			return;
		}
		Duration timeLeft = transaction.hasTimeout() ? Duration.ofMillis(transaction.getTimeToLiveInMillis()) : null;
		call.join(transaction.getTransactionId(), transaction.getSession(), timeLeft);
	}

	static boolean joins(@Nullable String api, String action) {
		return "db".equalsIgnoreCase(api) && !NOT_JOINED.contains(action.toLowerCase(Locale.ROOT));
	}

}
