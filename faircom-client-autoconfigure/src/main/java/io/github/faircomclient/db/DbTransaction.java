package io.github.faircomclient.db;

/**
 * The DB operations of one FairCom transaction, passed to
 * {@link DbOperations#inTransaction}: every action carries the transaction's
 * {@code transactionId}. Meant for the thread that runs the callback.
 */
public interface DbTransaction extends DbOperations {

	/**
	 * Return the id FairCom gave the transaction.
	 * @return the transaction id
	 */
	String getTransactionId();

	/**
	 * Roll the transaction back instead of committing it when the callback returns. Inside
	 * a transaction of a {@code FairComTransactionManager} it marks that transaction
	 * rollback-only; a transaction joined through {@link #withTransaction} is ended by
	 * whoever created it.
	 */
	void setRollbackOnly();

	/**
	 * Return whether the transaction will be rolled back when the callback returns.
	 * @return whether {@link #setRollbackOnly()} was called
	 */
	boolean isRollbackOnly();

	/**
	 * Create a savepoint in this transaction ({@code createTransactionSavepoint}).
	 * @return the {@code transactionSavepointId}
	 */
	int createSavepoint();

	/**
	 * Undo the work done in this transaction after a savepoint
	 * ({@code revertToTransactionSavepoint}); the transaction stays open.
	 * @param transactionSavepointId a savepoint of this transaction
	 * @see DbOperations#revertToTransactionSavepoint(String, int)
	 */
	void revertToSavepoint(int transactionSavepointId);

}
