package io.github.faircomclient.transaction;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.db.DbTransactionHolder;

/**
 * A {@link org.springframework.transaction.PlatformTransactionManager} for one
 * {@link io.github.faircomclient.core.FairComTemplate}: each transaction is a FairCom
 * transaction ({@code createTransaction}), bound to the template for the current thread,
 * and every call of the template's {@code db} api on that thread joins it, typed or
 * through {@code execute(...)} (see {@link DbTransactionHolder#current(FairComOperations)}).
 * <ul>
 * <li>Propagation: all of Spring's. {@code REQUIRES_NEW} and {@code NOT_SUPPORTED}
 * suspend the current transaction (a new one has its own {@code transactionId});
 * {@code NESTED} runs on a savepoint of the current one ({@code createTransactionSavepoint},
 * rolled back with {@code revertToTransactionSavepoint}).</li>
 * <li>Isolation: FairCom transactions are read committed, the only level FairCom
 * documents; {@code DEFAULT} and {@code READ_COMMITTED} are accepted, any other level is
 * refused with an {@link InvalidIsolationLevelException}. {@code readOnly} is a hint:
 * FairCom has no read-only transactions.</li>
 * <li>Timeout: the transaction's deadline ends each of its calls (the call timeout
 * shrinks to the time left); a call after the deadline fails with
 * {@link org.springframework.transaction.TransactionTimedOutException} and the
 * transaction is rolled back.</li>
 * <li>Name: the transaction's name ({@code @Transactional}: the method) is sent as its
 * {@code transactionDescription}, which {@code listTransactions} shows.</li>
 * <li>Session expiry: a transaction dies with its session. Its calls are never replayed
 * on a new session; once the template knows the session is gone they are refused without
 * being sent, and so is the rollback: rolling back such a transaction succeeds quietly,
 * and committing it fails with a
 * {@link org.springframework.dao.RecoverableDataAccessException} (run the whole unit of
 * work again) whose cause is the
 * {@link io.github.faircomclient.FairComSessionExpiredException}.</li>
 * <li>Commit: if the server answers with an error, FairCom has rolled the transaction
 * back and the commit fails with the translated {@code DataAccessException}. If the answer
 * is lost, a rollback is attempted: if it succeeds the commit fails the same way,
 * otherwise with a {@link TransactionSystemException}, since FairCom may have
 * committed.</li>
 * </ul>
 * The template is the {@linkplain #getResourceFactory() resource factory}: several
 * managers may exist for several templates. Failures keep the FairCom exception as their
 * cause, translated with {@link FairComPersistenceExceptionTranslator}.
 */
public class FairComTransactionManager extends AbstractPlatformTransactionManager
		implements ResourceTransactionManager, InitializingBean {

	private final FairComPersistenceExceptionTranslator exceptionTranslator = new FairComPersistenceExceptionTranslator();

	private @Nullable FairComOperations template;

	/**
	 * Create a manager to be configured with {@link #setTemplate}.
	 */
	public FairComTransactionManager() {
		setNestedTransactionAllowed(true);
	}

	/**
	 * Create a manager for a template.
	 * @param template the template whose calls run in the transactions, usually a
	 * {@link io.github.faircomclient.core.FairComTemplate}
	 */
	public FairComTransactionManager(FairComOperations template) {
		this();
		setTemplate(template);
	}

	/**
	 * Set the template whose calls run in the transactions.
	 * @param template the template
	 */
	public void setTemplate(FairComOperations template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Return the template whose calls run in the transactions.
	 * @return the template, or {@code null} if not set yet
	 */
	public @Nullable FairComOperations getTemplate() {
		return this.template;
	}

	private FairComOperations template() {
		FairComOperations template = this.template;
		Assert.state(template != null, "No FairCom template set");
		return template;
	}

	@Override
	public void afterPropertiesSet() {
		Assert.state(this.template != null, "Property 'template' is required");
	}

	/**
	 * Return the template, the key the transactions are bound to.
	 * @return the template
	 */
	@Override
	public Object getResourceFactory() {
		return template();
	}

	@Override
	protected Object doGetTransaction() {
		return new FairComTransactionObject(
				(DbTransactionHolder) TransactionSynchronizationManager.getResource(template()));
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return ((FairComTransactionObject) transaction).hasTransaction();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		checkIsolation(definition);
		int timeout = determineTimeout(definition);
		DbTransactionHolder holder;
		try {
			holder = DbTransactionHolder.begin(template(), definition.getName(),
					(timeout != TransactionDefinition.TIMEOUT_DEFAULT) ? Duration.ofSeconds(timeout) : null);
		}
		catch (FairComException ex) {
			throw new CannotCreateTransactionException("Could not create a FairCom transaction: " + ex.getMessage(),
					ex);
		}
		if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
			holder.setTimeoutInSeconds(timeout);
		}
		holder.setSynchronizedWithTransaction(true);
		((FairComTransactionObject) transaction).setHolder(holder, true);
		if (logger.isDebugEnabled()) {
			logger.debug("Created FairCom transaction '" + holder.getTransactionId() + "' for " + definition);
		}
		TransactionSynchronizationManager.bindResource(template(), holder);
	}

	private static void checkIsolation(TransactionDefinition definition) {
		int isolation = definition.getIsolationLevel();
		if (isolation != TransactionDefinition.ISOLATION_DEFAULT
				&& isolation != TransactionDefinition.ISOLATION_READ_COMMITTED) {
			throw new InvalidIsolationLevelException("FairCom transactions are read committed (each sees its own "
					+ "changes and the committed changes of others), the only isolation level FairCom documents; "
					+ "isolation level " + isolation + " of " + definition + " cannot be honoured. Use "
					+ "Isolation.DEFAULT or Isolation.READ_COMMITTED");
		}
	}

	@Override
	protected Object doSuspend(Object transaction) {
		((FairComTransactionObject) transaction).setHolder(null, false);
		return TransactionSynchronizationManager.unbindResource(template());
	}

	@Override
	protected void doResume(@Nullable Object transaction, Object suspendedResources) {
		TransactionSynchronizationManager.bindResource(template(), suspendedResources);
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		DbTransactionHolder holder = ((FairComTransactionObject) status.getTransaction()).getRequiredHolder();
		if (status.isDebug()) {
			logger.debug("Committing FairCom transaction '" + holder.getTransactionId() + "'");
		}
		try {
			holder.commit();
		}
		catch (FairComException ex) {
			throw commitFailed(holder, ex);
		}
	}

	/**
	 * The exception for a failed commit: a translated one when the transaction is known
	 * not to be committed (the server answered with an error, the session is gone, or a
	 * rollback after a lost answer succeeded), else a {@link TransactionSystemException}.
	 */
	private RuntimeException commitFailed(DbTransactionHolder holder, FairComException failure) {
		FairComFailureKind kind = failure.getFailureKind();
		if (kind != FairComFailureKind.ACTION_FAILED && kind != FairComFailureKind.SESSION_EXPIRED) {
			try {
				holder.rollback();
			}
			catch (FairComException ex) {
				failure.addSuppressed(ex);
				return new TransactionSystemException("Could not commit FairCom transaction '"
						+ holder.getTransactionId() + "' and FairCom may have committed it: " + failure.getMessage(),
						failure);
			}
		}
		return this.exceptionTranslator.translate(failure);
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		DbTransactionHolder holder = ((FairComTransactionObject) status.getTransaction()).getRequiredHolder();
		if (status.isDebug()) {
			logger.debug("Rolling back FairCom transaction '" + holder.getTransactionId() + "'");
		}
		try {
			holder.rollback();
		}
		catch (FairComException ex) {
			throw new TransactionSystemException("Could not roll back FairCom transaction '"
					+ holder.getTransactionId() + "': " + ex.getMessage(), ex);
		}
	}

	@Override
	protected void doSetRollbackOnly(DefaultTransactionStatus status) {
		((FairComTransactionObject) status.getTransaction()).getRequiredHolder().setRollbackOnly();
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		FairComTransactionObject transactionObject = (FairComTransactionObject) transaction;
		if (transactionObject.isNewHolder()) {
			TransactionSynchronizationManager.unbindResourceIfPossible(template());
		}
		DbTransactionHolder holder = transactionObject.getHolder();
		if (holder != null) {
			holder.clear();
		}
		transactionObject.setHolder(null, false);
	}

	@Override
	public String toString() {
		return "FairComTransactionManager[template=" + this.template + "]";
	}

}
