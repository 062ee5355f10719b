package io.github.faircomclient.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbTransactionHolder;
import io.github.faircomclient.db.PartialKey;
import io.github.faircomclient.db.TableAlteration;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FairComTransactionManager} on the wire (MockRestServiceServer): what each
 * propagation sends, which calls join, savepoints, isolation, and what commit and rollback
 * do when the session is gone or the answer is lost.
 */
class FairComTransactionManagerTests {

	private static final String SESSION_GONE = "'authToken' does not match any existing session.";

	private final FairComStub stub = new FairComStub();

	private FairComTemplate template;

	private FairComTransactionManager manager;

	@BeforeEach
	void createManager() {
		this.template = this.stub.template();
		this.manager = new FairComTransactionManager(this.template);
		this.manager.afterPropertiesSet();
	}

	@AfterEach
	void close() {
		this.stub.close();
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}

	private TransactionTemplate transactions(int propagation) {
		TransactionTemplate transactions = new TransactionTemplate(this.manager);
		transactions.setPropagationBehavior(propagation);
		return transactions;
	}

	private TransactionTemplate transactions() {
		return transactions(TransactionDefinition.PROPAGATION_REQUIRED);
	}

	private DbOperations db() {
		return this.template.db();
	}

	private String transactionIdOf(JsonNode request) {
		JsonNode id = request.at("/params/transactionId");
		return id.isString() ? id.stringValue() : null;
	}

	@Test
	void everyDbCallOfTheTemplateJoinsTheTransactionAndItCommits() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		transactions().executeWithoutResult((status) -> {
			db().insert("items", Map.of("name", "a"));
			db().withDatabase("other").getRecordsByTable("items").list(JsonNode.class);
			this.template.execute("db", "deleteRecords", Map.of("tableName", "items", "ids", List.of(1)));
			this.template.execute(FairComRequest.builder("getRecordsByIds")
				.api("db")
				.params(Map.of("tableName", "items", "ids", List.of(2), "transactionId", "OTHER"))
				.build());
			this.template.execute("admin", "pingSession", null);
			this.template.execute("db", "runSqlStatements", Map.of("sqlStatements", List.of("DELETE FROM items")));
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "getRecordsByTable",
				"deleteRecords", "getRecordsByIds", "pingSession", "runSqlStatements", "commitTransaction");
		List<String> ids = new ArrayList<>();
		this.stub.requests().forEach((request) -> ids.add(transactionIdOf(request)));
		assertThat(ids).containsExactly(null, "TX1", "TX1", "TX1", "OTHER", null, null, "TX1");
		assertThat(DbTransactionHolder.current(this.template)).isNull();
	}

	@Test
	void theTypedActionsThatCannotRunInATransactionDoNotJoinIt() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("alterTable", "{\"data\":[{\"tableName\":\"items\"}]}");
		this.stub.answer("runSqlStatements", "{\"data\":[{\"errorCode\":0}]}");
		transactions().executeWithoutResult((status) -> {
			db().alterTable(TableAlteration.builder("items").deleteField("qty").build());
			db().rebuildTables("items");
			db().rebuildIndexes("items");
			db().runSqlStatements("DELETE FROM logs");
			db().getRecordsByPartialKeyRange("items", PartialKey.prefix("name_idx", "b")).list(JsonNode.class);
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "alterTable", "rebuildTables",
				"rebuildIndexes", "runSqlStatements", "getRecordsByPartialKeyRange", "commitTransaction");
		List<String> ids = new ArrayList<>();
		this.stub.requests().forEach((request) -> ids.add(transactionIdOf(request)));
		assertThat(ids).containsExactly(null, null, null, null, null, "TX1", "TX1");
	}

	@Test
	void theTransactionIsNamedAfterItsDefinition() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		TransactionTemplate transactions = transactions();
		transactions.setName("com.example.Orders.place");
		transactions.executeWithoutResult((status) -> {
		});
		assertThat(this.stub.request("createTransaction").at("/params/transactionDescription").stringValue())
			.isEqualTo("com.example.Orders.place");
	}

	@Test
	void aRuntimeExceptionRollsBackAndIsRethrown() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		IllegalStateException failure = new IllegalStateException("out of stock");
		assertThatIllegalStateException().isThrownBy(() -> transactions().executeWithoutResult((status) -> {
			db().insert("items", Map.of("name", "a"));
			throw failure;
		})).isSameAs(failure);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
		assertThat(transactionIdOf(this.stub.request("rollbackTransaction"))).isEqualTo("TX1");
	}

	@Test
	void setRollbackOnlyRollsBackWithoutAnException() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		transactions().executeWithoutResult((status) -> {
			db().insert("items", Map.of("name", "a"));
			status.setRollbackOnly();
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void aFailedInTransactionInsideMarksTheSpringTransactionRollbackOnly() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> {
				try {
					db().inTransactionWithoutResult((tx) -> {
						assertThat(tx.getTransactionId()).as("joins, creates none").isEqualTo("TX1");
						tx.insert("items", Map.of("name", "a"));
						throw new IllegalArgumentException("bad line");
					});
				}
				catch (IllegalArgumentException ex) {
					// swallowed by the application
				}
			}));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void requiresNewSuspendsTheOuterTransactionAndHasItsOwnId() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"OUTER\"}");
		this.stub.answer("createTransaction", "{\"transactionId\":\"INNER\"}");
		transactions().executeWithoutResult((outer) -> {
			db().insert("items", Map.of("name", "outer"));
			transactions(TransactionDefinition.PROPAGATION_REQUIRES_NEW)
				.executeWithoutResult((inner) -> db().insert("audit", Map.of("name", "inner")));
			db().insert("items", Map.of("name", "outer again"));
			outer.setRollbackOnly();
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "createTransaction",
				"insertRecords", "commitTransaction", "insertRecords", "rollbackTransaction");
		List<String> ids = this.stub.requests().stream().map(this::transactionIdOf).toList();
		assertThat(ids).containsExactly(null, "OUTER", null, "INNER", "INNER", "OUTER", "OUTER");
	}

	@Test
	void nestedRunsOnASavepointAndItsRollbackRevertsToIt() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":1}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":2}");
		transactions().executeWithoutResult((outer) -> {
			db().insert("items", Map.of("name", "kept"));
			transactions(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult((inner) -> {
				db().insert("items", Map.of("name", "undone"));
				inner.setRollbackOnly();
			});
			transactions(TransactionDefinition.PROPAGATION_NESTED)
				.executeWithoutResult((inner) -> db().insert("items", Map.of("name", "kept too")));
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords",
				"createTransactionSavepoint", "insertRecords", "revertToTransactionSavepoint",
				"createTransactionSavepoint", "insertRecords", "commitTransaction");
		assertThat(this.stub.request("revertToTransactionSavepoint").at("/params/transactionSavepointId").intValue())
			.isOne();
	}

	@Test
	void aRevertThatFairComRefusesFailsTheNestedRollback() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":1}");
		this.stub.error("revertToTransactionSavepoint", 99044, "Savepoint 1 was made before SQL ran");
		assertThatExceptionOfType(TransactionSystemException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((outer) -> transactions(
					TransactionDefinition.PROPAGATION_NESTED)
				.executeWithoutResult((inner) -> {
					db().query("SELECT * FROM items", JsonNode.class);
					throw new IllegalStateException("undo");
				})))
			.withMessageContaining("savepoint 1")
			.withMessageContaining("99044");
		assertThat(this.stub.actions()).endsWith("revertToTransactionSavepoint", "rollbackTransaction");
	}

	@Test
	void supportsNotSupportedMandatoryAndNever() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		transactions(TransactionDefinition.PROPAGATION_SUPPORTS)
			.executeWithoutResult((status) -> db().insert("items", Map.of("name", "no transaction")));
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> transactions(TransactionDefinition.PROPAGATION_MANDATORY)
				.executeWithoutResult((status) -> {
				}));
		transactions().executeWithoutResult((outer) -> {
			transactions(TransactionDefinition.PROPAGATION_NOT_SUPPORTED)
				.executeWithoutResult((status) -> db().insert("items", Map.of("name", "suspended")));
			transactions(TransactionDefinition.PROPAGATION_SUPPORTS)
				.executeWithoutResult((status) -> db().insert("items", Map.of("name", "joined")));
			transactions(TransactionDefinition.PROPAGATION_MANDATORY)
				.executeWithoutResult((status) -> db().insert("items", Map.of("name", "joined too")));
			assertThatExceptionOfType(IllegalTransactionStateException.class)
				.isThrownBy(() -> transactions(TransactionDefinition.PROPAGATION_NEVER).executeWithoutResult((status) -> {
				}));
		});
		List<String> ids = this.stub.requests().stream().map(this::transactionIdOf).toList();
		assertThat(this.stub.actions()).containsExactly("insertRecords", "createTransaction", "insertRecords",
				"insertRecords", "insertRecords", "commitTransaction");
		assertThat(ids).containsExactly(null, null, null, "TX1", "TX1", "TX1");
	}

	@Test
	void isolationOtherThanReadCommittedIsRefusedBeforeAnythingIsSent() {
		TransactionTemplate serializable = transactions();
		serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
		assertThatExceptionOfType(InvalidIsolationLevelException.class)
			.isThrownBy(() -> serializable.executeWithoutResult((status) -> {
			}))
			.withMessageContaining("read committed")
			.withMessageContaining("Isolation.DEFAULT or Isolation.READ_COMMITTED");
		assertThat(this.stub.actions()).isEmpty();
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		TransactionTemplate readCommitted = transactions();
		readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		readCommitted.executeWithoutResult((status) -> {
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "commitTransaction");
	}

	@Test
	void synchronizationsSeeTheOutcome() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX2\"}");
		List<String> events = new ArrayList<>();
		TransactionSynchronization recorder = new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				events.add("beforeCommit");
			}

			@Override
			public void afterCommit() {
				events.add("afterCommit");
			}

			@Override
			public void afterCompletion(int status) {
				events.add("afterCompletion " + ((status == STATUS_COMMITTED) ? "committed" : "rolled back"));
			}

		};
		transactions().executeWithoutResult(
				(status) -> TransactionSynchronizationManager.registerSynchronization(recorder));
		transactions().executeWithoutResult((status) -> {
			TransactionSynchronizationManager.registerSynchronization(recorder);
			status.setRollbackOnly();
		});
		assertThat(events).containsExactly("beforeCommit", "afterCommit", "afterCompletion committed",
				"afterCompletion rolled back");
	}

	@Test
	void workStartedAfterTheCommitRunsOutsideTheEndedTransactionOrInANewOne() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX2\"}");
		transactions().executeWithoutResult((status) -> TransactionSynchronizationManager
			.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					transactions().executeWithoutResult((participating) -> db().insert("log", Map.of("name", "a")));
					transactions(TransactionDefinition.PROPAGATION_REQUIRES_NEW)
						.executeWithoutResult((own) -> db().insert("log", Map.of("name", "b")));
				}

			}));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "commitTransaction", "insertRecords",
				"createTransaction", "insertRecords", "commitTransaction");
		List<String> ids = this.stub.requests().stream().map(this::transactionIdOf).toList();
		assertThat(ids).containsExactly(null, "TX1", null, null, "TX2", "TX2");
	}

	@Test
	void aTransactionThatCannotBeCreatedIsACannotCreateTransactionException() {
		this.stub.error("createTransaction", 99001, "too many transactions");
		assertThatExceptionOfType(CannotCreateTransactionException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> {
			}))
			.withMessageContaining("too many transactions");
	}

	@Test
	void workOfATransactionWhoseSessionWasReplacedFailsAndNothingMoreIsSent() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listSessions", 12031, SESSION_GONE);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> {
				db().insert("items", Map.of("name", "a"));
				this.template.execute("admin", "listSessions", null);
				db().insert("items", Map.of("name", "b"));
			}))
			.withMessageContaining("transaction 'TX1' belonged to a session that expired");
		assertThat(this.stub.actions()).as("no insert and no rollback after the new login")
			.containsExactly("createTransaction", "insertRecords", "listSessions", "listSessions");
	}

	@Test
	void aCommitAfterTheSessionWasReplacedIsRecoverableAndSendsNothing() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listSessions", 12031, SESSION_GONE);
		List<Integer> outcome = new ArrayList<>();
		assertThatExceptionOfType(RecoverableDataAccessException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void afterCompletion(int status) {
						outcome.add(status);
					}

				});
				db().insert("items", Map.of("name", "a"));
				this.template.execute("admin", "listSessions", null);
			}))
			.havingCause()
			.isInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("commitTransaction");
		assertThat(outcome).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "listSessions",
				"listSessions");
	}

	@Test
	void aCommitTheServerRefusesIsTranslatedAndNotRolledBackAgain() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("commitTransaction", 2, "Duplicate key");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> db().insert("items", Map.of("name", "a"))))
			.withMessageContaining("Duplicate key");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction");
	}

	@Test
	void aCommitLostInTransportIsFollowedByARollback() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX2\"}");
		this.stub.failConnection("commitTransaction");
		this.stub.failConnection("commitTransaction");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> db().insert("items", Map.of("name", "a"))))
			.as("rolled back: known not to be committed")
			.isNotInstanceOf(TransactionSystemException.class)
			.withCauseInstanceOf(FairComTransportException.class);
		this.stub.error("rollbackTransaction", 99034, "unknown transaction");
		assertThatExceptionOfType(TransactionSystemException.class)
			.isThrownBy(() -> transactions().executeWithoutResult((status) -> db().insert("items", Map.of("name", "a"))))
			.withMessageContaining("FairCom may have committed it")
			.satisfies((ex) -> assertThat(ex.getCause().getSuppressed()).hasSize(1));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"rollbackTransaction", "createTransaction", "insertRecords", "commitTransaction",
				"rollbackTransaction");
	}

	@Test
	void needsATemplate() {
		assertThatIllegalStateException().isThrownBy(() -> new FairComTransactionManager().afterPropertiesSet())
			.withMessageContaining("template");
		assertThat(this.manager.getResourceFactory()).isSameAs(this.template);
	}

}
