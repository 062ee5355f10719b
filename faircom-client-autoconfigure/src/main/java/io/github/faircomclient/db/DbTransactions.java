package io.github.faircomclient.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transaction state of {@link DbTemplate}: creating, committing and rolling back
 * transactions and their savepoints, the sessions of explicit ids, and
 * {@code inTransaction}. Each open transaction is a {@link DbTransactionHolder}; the
 * calls that end one follow {@link SessionBoundWork}.
 */
final class DbTransactions {

	private static final int MAX_DESCRIPTION_LENGTH = 255;

	private final DbCalls calls;

	private final TransactionSessions sessions;

	DbTransactions(DbCalls calls, TransactionSessions sessions) {
		this.calls = calls;
		this.sessions = sessions;
	}

	// ------------------------------------------------------------------ open and end

	DbTransactionHolder begin(@Nullable String description, @Nullable Duration timeout) {
		ObjectNode params = DbCalls.objectNode();
		if (description != null && !description.isEmpty()) {
			params.put("transactionDescription", (description.length() > MAX_DESCRIPTION_LENGTH)
					? description.substring(0, MAX_DESCRIPTION_LENGTH) : description);
		}
		DbCalls calls = (timeout != null) ? this.calls.withOptions(this.calls.options().withTimeout(timeout))
				: this.calls;
		FairComResponse response = calls.executeOn("createTransaction", params, null);
		String transactionId = DbResults.text(response.result(), "transactionId", null);
		if (transactionId == null || transactionId.isEmpty()) {
			throw FairComExceptionTranslator.incompleteResult(response, "a transactionId");
		}
		this.sessions.opened(transactionId, response.session());
		return new DbTransactionHolder(this, transactionId, response.session());
	}

	/**
	 * Return the transaction of an explicit id: bound to its session if this template
	 * created it, else sent as given.
	 */
	DbTransactionHolder explicit(String transactionId) {
		Assert.hasText(transactionId, "'transactionId' must not be empty");
		return new DbTransactionHolder(this, transactionId, this.sessions.sessionOf(transactionId));
	}

	void commit(DbTransactionHolder transaction, @Nullable Integer savepointId) {
		ObjectNode params = params(transaction);
		if (savepointId != null) {
			params.put("transactionSavepointId", savepointId);
		}
		end("commitTransaction", transaction, params);
	}

	/**
	 * Roll back and throw any failure, also that its session is gone.
	 */
	void rollback(DbTransactionHolder transaction) {
		end("rollbackTransaction", transaction, params(transaction));
	}

	/**
	 * Roll back unless the transaction is over; that its session is gone is no failure:
	 * the server rolled it back with the session.
	 */
	void rollbackUnlessGone(DbTransactionHolder transaction) {
		if (transaction.isEnded()) {
			return;
		}
		try {
			rollback(transaction);
		}
		catch (FairComException ex) {
			if (!SessionBoundWork.diedWithSession(ex)) {
				throw ex;
			}
		}
	}

	private void end(String action, DbTransactionHolder transaction, ObjectNode params) {
		try {
			this.calls.executeOn(action, params, transaction.getSession());
		}
		catch (FairComException ex) {
			if (SessionBoundWork.diedWithSession(ex)) {
				transaction.ended();
			}
			else if (SessionBoundWork.endedByServer(ex)) {
				forget(transaction);
			}
			throw ex;
		}
		forget(transaction);
	}

	/**
	 * Forget a transaction that a check found over although the call that ended it
	 * failed: its commit's answer was lost and {@code listTransactions} no longer lists it.
	 */
	void over(DbTransactionHolder transaction) {
		forget(transaction);
	}

	private void forget(DbTransactionHolder transaction) {
		transaction.ended();
		this.sessions.ended(transaction.getTransactionId(), transaction.getSession());
	}

	// ------------------------------------------------------------------ savepoints

	int createSavepoint(DbTransactionHolder transaction) {
		FairComResponse response = this.calls.executeOn("createTransactionSavepoint", params(transaction),
				transaction.getSession());
		Integer savepointId = DbResults.integer(response.result(), "transactionSavepointId");
		if (savepointId == null) {
			throw FairComExceptionTranslator.incompleteResult(response, "a transactionSavepointId");
		}
		return savepointId;
	}

	void revertToSavepoint(DbTransactionHolder transaction, int savepointId) {
		this.calls.executeOn("revertToTransactionSavepoint",
				params(transaction).put("transactionSavepointId", savepointId), transaction.getSession());
	}

	private static ObjectNode params(DbTransactionHolder transaction) {
		return DbCalls.objectNode().put("transactionId", transaction.getTransactionId());
	}

	// ------------------------------------------------------------------ inTransaction

	/**
	 * Run the callback in the view's transaction, else in the one a transaction manager
	 * bound to the template, else in a new one.
	 */
	<R> R inTransaction(Function<? super DbTransaction, ? extends R> callback) {
		Assert.notNull(callback, "'callback' must not be null");
		DbTransactionHolder joined = this.calls.transaction();
		if (joined == null) {
			return inNewTransaction((calls) -> callback.apply(view(calls)));
		}
		DbCalls calls = (this.calls.options().transaction() != null) ? this.calls
				: this.calls.withOptions(this.calls.options().withTransaction(joined));
		try {
			return callback.apply(view(calls));
		}
		catch (RuntimeException | Error ex) {
			joined.joinFailed(ex);
			throw ex;
		}
	}

	private DbTransaction view(DbCalls calls) {
		DbTransactionHolder transaction = calls.options().transaction();
		Assert.state(transaction != null, "No transaction");
		return new DbTransactionView(new DbTemplate(calls, this.sessions), transaction);
	}

	/**
	 * Run work in a new transaction: commit when it returns, roll back when it throws or
	 * the transaction was marked rollback-only.
	 * @param work the work, given the calls of the new transaction
	 * @return the work's result
	 */
	<R> R inNewTransaction(Function<DbCalls, R> work) {
		DbTransactionHolder transaction = begin(null, null);
		try {
			return run(transaction, work);
		}
		finally {
			this.sessions.ended(transaction.getTransactionId(), transaction.getSession());
		}
	}

	private <R> R run(DbTransactionHolder transaction, Function<DbCalls, R> work) {
		R result;
		try {
			result = work.apply(this.calls.withOptions(this.calls.options().withTransaction(transaction)));
		}
		catch (RuntimeException | Error ex) {
			rollbackAfter(transaction, ex);
			throw ex;
		}
		if (transaction.isRollbackOnly()) {
			rollback(transaction);
			Throwable failedJoin = transaction.failedJoin();
			if (failedJoin != null) {
				throw new IllegalStateException("Transaction rolled back because a nested inTransaction call failed "
						+ "and its exception was caught: " + failedJoin, failedJoin);
			}
			return result;
		}
		try {
			commit(transaction, null);
		}
		catch (FairComException ex) {
			if (!SessionBoundWork.diedWithSession(ex) && !SessionBoundWork.endedByServer(ex)) {
				rollbackAfter(transaction, ex);
			}
			throw ex;
		}
		return result;
	}

	/**
	 * Roll back after a failure, unless the failure says the transaction died with its
	 * session; a failed rollback is attached to the failure.
	 */
	private void rollbackAfter(DbTransactionHolder transaction, Throwable failure) {
		if (SessionBoundWork.diedWithSession(failure)) {
			return;
		}
		try {
			rollbackUnlessGone(transaction);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	// ------------------------------------------------------------------ listTransactions

	List<TransactionInfo> listTransactions(@Nullable String username) {
		ObjectNode params = DbCalls.objectNode();
		if (username != null) {
			Assert.hasText(username, "'username' must not be empty");
			params.put("username", username);
		}
		ObjectNode responseOptions = (this.calls.options().responseOptions() != null)
				? this.calls.options().responseOptions().deepCopy() : DbCalls.objectNode();
		JsonNode excluded = responseOptions.get("excludeFields");
		ArrayNode excludeFields = responseOptions.putArray("excludeFields");
		if (excluded != null && excluded.isArray()) {
			excluded.forEach(excludeFields::add);
		}
		excludeFields.add("authToken");
		FairComResponse response = this.calls.withOptions(this.calls.options().withResponseOptions(responseOptions))
			.executeOn("listTransactions", params, null);
		List<TransactionInfo> transactions = new ArrayList<>();
		for (JsonNode row : response.resultArray("data")) {
			transactions.add(new TransactionInfo(DbResults.string(row, "transactionId"),
					DbResults.string(row, "username"), DbResults.string(row, "transactionDescription")));
		}
		return transactions;
	}

}
