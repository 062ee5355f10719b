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
	 * Roll the transaction back instead of committing it when the callback returns. Only
	 * for transactions that {@link #inTransaction} created; a transaction joined through
	 * {@link #withTransaction} is ended by whoever created it.
	 */
	void setRollbackOnly();

	/**
	 * Return whether the transaction will be rolled back when the callback returns.
	 * @return whether {@link #setRollbackOnly()} was called
	 */
	boolean isRollbackOnly();

}
