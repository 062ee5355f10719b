package io.github.faircomclient.db;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.session.FairComSession;

/**
 * One open FairCom transaction: its {@code transactionId}, the session that created it,
 * whether it must be rolled back, and its deadline. It is the one transaction model of
 * the client: {@link DbOperations#inTransaction}, the views of explicit transaction ids
 * and {@code FairComTransactionManager} all run on it, so they share the same rules
 * (every call bound to the transaction's session; after that session expired nothing is
 * sent for it, neither work nor rollback; never replayed).
 * <p>
 * A transaction manager binds the holder to its template for the current thread
 * ({@link TransactionSynchronizationManager}, keyed by the template); every DB call on that
 * template then joins it, see {@link #current(FairComOperations)}. Applications do not
 * create or end holders themselves: they use {@code @Transactional},
 * {@link DbOperations#inTransaction} or explicit ids.
 */
public final class DbTransactionHolder extends ResourceHolderSupport {

	private final DbTransactions transactions;

	private final String transactionId;

	private final @Nullable FairComSession session;

	private volatile boolean ended;

	private volatile @Nullable Throwable failedJoin;

	DbTransactionHolder(DbTransactions transactions, String transactionId, @Nullable FairComSession session) {
		this.transactions = transactions;
		this.transactionId = transactionId;
		this.session = session;
	}

	/**
	 * Create a transaction ({@code createTransaction}) on a template.
	 * @param template the template the transaction's calls run on
	 * @param description the {@code transactionDescription} that {@code listTransactions}
	 * shows, or {@code null} for none
	 * @param timeout the most the {@code createTransaction} call may take, or {@code null}
	 * for the template's call timeout
	 * @return the open transaction, not bound to any thread
	 */
	public static DbTransactionHolder begin(FairComOperations template, @Nullable String description,
			@Nullable Duration timeout) {
		Assert.notNull(template, "'template' must not be null");
		DbOperations db = template.db();
		DbTemplate root = (db instanceof DbTemplate own) ? own : new DbTemplate(template);
		return root.transactions().begin(description, timeout);
	}

	/**
	 * Return the transaction a transaction manager bound to the given template for the
	 * current thread.
	 * @param template the template, the key the manager bound the transaction to
	 * @return the transaction, or {@code null} if there is none or it has ended
	 */
	public static @Nullable DbTransactionHolder current(FairComOperations template) {
		Object bound = TransactionSynchronizationManager.getResource(template);
		return (bound instanceof DbTransactionHolder holder && !holder.ended) ? holder : null;
	}

	/**
	 * Return the id FairCom gave the transaction.
	 * @return the transaction id
	 */
	public String getTransactionId() {
		return this.transactionId;
	}

	/**
	 * Return the session that created the transaction; every call of the transaction is
	 * bound to it.
	 * @return the session, or {@code null} if the template did not say (then calls run on
	 * the current session)
	 */
	public @Nullable FairComSession getSession() {
		return this.session;
	}

	/**
	 * Return whether the transaction is over: committed, rolled back, or gone with its
	 * session.
	 * @return whether nothing more may run in it
	 */
	public boolean isEnded() {
		return this.ended;
	}

	/**
	 * Commit the transaction ({@code commitTransaction}). If the server answers with an
	 * error, FairCom has rolled the transaction back; it is over either way.
	 */
	public void commit() {
		this.transactions.commit(this, null);
	}

	/**
	 * Roll the transaction back ({@code rollbackTransaction}). Nothing is sent if it is
	 * over; if its session has expired, the server rolled it back with the session and this
	 * returns quietly.
	 */
	public void rollback() {
		this.transactions.rollbackUnlessGone(this);
	}

	/**
	 * Create a savepoint ({@code createTransactionSavepoint}).
	 * @return the {@code transactionSavepointId}
	 */
	public int createSavepoint() {
		return this.transactions.createSavepoint(this);
	}

	/**
	 * Undo the work done after a savepoint ({@code revertToTransactionSavepoint}); the
	 * transaction stays open and the savepoints made after this one are discarded.
	 * @param transactionSavepointId the savepoint
	 */
	public void revertToSavepoint(int transactionSavepointId) {
		this.transactions.revertToSavepoint(this, transactionSavepointId);
	}

	void ended() {
		this.ended = true;
	}

	@Nullable Throwable failedJoin() {
		return this.failedJoin;
	}

	/**
	 * Record that work that joined the transaction failed: it must be rolled back in the
	 * end, even if the exception was caught.
	 */
	void joinFailed(Throwable failure) {
		this.failedJoin = failure;
		setRollbackOnly();
	}

	@Override
	public String toString() {
		return "DbTransactionHolder[transactionId=" + this.transactionId + ", rollbackOnly=" + isRollbackOnly()
				+ ", ended=" + this.ended + "]";
	}

}
