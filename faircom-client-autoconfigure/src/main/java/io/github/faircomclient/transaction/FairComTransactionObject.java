package io.github.faircomclient.transaction;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.db.DbTransactionHolder;

/**
 * The transaction object of {@link FairComTransactionManager}: the
 * {@link DbTransactionHolder} of the FairCom transaction, whether this manager's
 * transaction created it, and its savepoints for nested transactions.
 */
final class FairComTransactionObject implements SmartTransactionObject, SavepointManager {

	private @Nullable DbTransactionHolder holder;

	private boolean newHolder;

	FairComTransactionObject(@Nullable DbTransactionHolder holder) {
		this.holder = holder;
	}

	void setHolder(@Nullable DbTransactionHolder holder, boolean newHolder) {
		this.holder = holder;
		this.newHolder = newHolder;
	}

	/**
	 * Return whether a transaction is bound: an open one, or one that is completing (its
	 * after-commit callbacks run while it is still bound; work they start with
	 * {@code REQUIRED} participates in it and runs outside FairCom's transaction, as Spring
	 * documents for {@code afterCommit}).
	 */
	boolean hasTransaction() {
		return this.holder != null;
	}

	boolean isNewHolder() {
		return this.newHolder;
	}

	@Nullable DbTransactionHolder getHolder() {
		return this.holder;
	}

	DbTransactionHolder getRequiredHolder() {
		DbTransactionHolder holder = this.holder;
		Assert.state(holder != null, "No FairCom transaction");
		return holder;
	}

	@Override
	public boolean isRollbackOnly() {
		return this.holder != null && this.holder.isRollbackOnly();
	}

	@Override
	public void flush() {
	}

	/**
	 * Create a savepoint ({@code createTransactionSavepoint}).
	 * @return the {@code transactionSavepointId}, an {@link Integer}
	 */
	@Override
	public Object createSavepoint() {
		DbTransactionHolder holder = getRequiredHolder();
		try {
			return holder.createSavepoint();
		}
		catch (FairComException ex) {
			throw new CannotCreateTransactionException("Could not create a savepoint in FairCom transaction '"
					+ holder.getTransactionId() + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Undo the work after a savepoint ({@code revertToTransactionSavepoint}); the
	 * transaction is no longer rollback-only. FairCom cannot revert to a savepoint made
	 * before SQL ran in the transaction: that fails with a
	 * {@link TransactionSystemException}.
	 */
	@Override
	public void rollbackToSavepoint(Object savepoint) {
		DbTransactionHolder holder = getRequiredHolder();
		try {
			holder.revertToSavepoint((Integer) savepoint);
		}
		catch (FairComException ex) {
			throw new TransactionSystemException("Could not revert FairCom transaction '" + holder.getTransactionId()
					+ "' to savepoint " + savepoint + ": " + ex.getMessage(), ex);
		}
		holder.resetRollbackOnly();
	}

	/**
	 * Nothing to do: FairCom has no action that releases a savepoint; it ends with its
	 * transaction.
	 */
	@Override
	public void releaseSavepoint(Object savepoint) {
	}

}
