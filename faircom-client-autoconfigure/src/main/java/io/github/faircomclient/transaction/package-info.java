/**
 * Spring's transaction and data access support for FairCom: {@link
 * io.github.faircomclient.transaction.FairComTransactionManager} runs
 * {@code @Transactional} methods and {@code TransactionTemplate} callbacks as FairCom
 * transactions (nested ones as savepoints), and {@link
 * io.github.faircomclient.transaction.FairComPersistenceExceptionTranslator} turns the
 * FairCom exceptions into Spring's {@code DataAccessException} hierarchy.
 */
@NullMarked
package io.github.faircomclient.transaction;

import org.jspecify.annotations.NullMarked;
