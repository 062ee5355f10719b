package io.github.faircomclient.db;

/**
 * An open transaction as {@code listTransactions} reports it. The {@code authToken} of the
 * session that owns it is a secret and is neither requested nor kept.
 *
 * @param transactionId the transaction id
 * @param username the account of the session that created it, as the server spells it
 * (FairCom reports {@code ADMIN} in upper case)
 * @param description the {@code transactionDescription} given to
 * {@code createTransaction}, empty if none was
 */
public record TransactionInfo(String transactionId, String username, String description) {

}
