package io.github.faircomclient.it.transaction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.InvalidIsolationLevelException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.FairComTransactionAutoConfiguration;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.TransactionInfo;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;
import io.github.faircomclient.transaction.FairComTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code @Transactional} services of a Spring application on the auto-configured
 * {@link FairComTransactionManager}, against the emulator over HTTP: commit, rollback,
 * rollback-only, {@code REQUIRES_NEW}, {@code NESTED} on savepoints, the escape hatch,
 * timeouts, isolation, session expiry, {@code @TransactionalEventListener} and the
 * exception translation of {@code @Repository} beans. After every test no transaction is
 * left open on the emulator.
 */
class TransactionalIntegrationTests {

	private static FairComEmulator emulator;

	private static DbPlugin server;

	private static ConfigurableApplicationContext context;

	private static Ledger ledger;

	private static DbOperations db;

	record Entry(String owner, int amount) {
	}

	record Posted(Entry entry) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		server = emulator.plugin(DbPlugin.class).orElseThrow();
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		context = application.run("--faircom.url=" + emulator.httpUrl(), "--faircom.username=app",
				"--faircom.password=secret");
		ledger = context.getBean(Ledger.class);
		db = context.getBean(FairComOperations.class).db();
	}

	@AfterAll
	static void stop() {
		context.close();
		emulator.stop();
	}

	@BeforeEach
	void createTables() {
		for (String table : List.of("ledger", "audit")) {
			db.createTable(TableDefinition.builder(table)
				.field(FieldDefinition.varchar("owner", 20))
				.field(FieldDefinition.integer("amount"))
				.build());
		}
		db.createIndex(IndexDefinition.builder("ledger", "owner_amount").field("owner").field("amount").unique(true)
			.build());
		context.getBean(Events.class).clear();
		emulator.resetActionCounts();
	}

	@AfterEach
	void noTransactionIsLeftOpen() {
		emulator.faults().latency(Duration.ZERO);
		assertThat(server.openTransactions()).isEmpty();
		db.deleteTables("ledger", "audit");
	}

	private static List<Entry> entries(String table) {
		return db.getRecordsByTable(table).list(Entry.class);
	}

	private static final Entry ANN = new Entry("ann", 10);

	private static final Entry BOB = new Entry("bob", 20);

	@Test
	void commitsWhenTheMethodReturns() {
		ledger.post(ANN, () -> {
			assertThat(entries("ledger")).as("the method's thread reads in its transaction").containsExactly(ANN);
			assertThat(CompletableFuture.supplyAsync(() -> entries("ledger")).join())
				.as("another thread does not see uncommitted work")
				.isEmpty();
		}, BOB);
		assertThat(entries("ledger")).containsExactly(ANN, BOB);
		assertThat(emulator.actionCount("createTransaction")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isOne();
	}

	@Test
	void rollsBackOnARuntimeException() {
		assertThatIllegalStateException().isThrownBy(() -> ledger.post(ANN, () -> {
			throw new IllegalStateException("insufficient funds");
		}, BOB)).withMessage("insufficient funds");
		assertThat(entries("ledger")).isEmpty();
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isZero();
	}

	@Test
	void rollsBackARollbackOnlyTransactionWithoutAnException() {
		ledger.post(ANN,
				() -> TransactionAspectSupport.currentTransactionStatus().setRollbackOnly(), BOB);
		assertThat(entries("ledger")).isEmpty();
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
	}

	@Test
	void requiresNewCommitsItsOwnTransactionThatSurvivesTheOuterRollback() {
		assertThatIllegalStateException().isThrownBy(() -> ledger.post(ANN, () -> {
			ledger.audit(new Entry("audit: ann", 10));
			throw new IllegalStateException("rejected");
		}, BOB));
		assertThat(entries("ledger")).isEmpty();
		assertThat(entries("audit")).containsExactly(new Entry("audit: ann", 10));
		assertThat(emulator.actionCount("createTransaction")).isEqualTo(2);
		assertThat(emulator.actionCount("commitTransaction")).isOne();
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
	}

	@Test
	void nestedInnerRollbackRevertsToItsSavepointAndKeepsTheOuterWork() {
		ledger.post(ANN, () -> {
			assertThatIllegalStateException().isThrownBy(() -> ledger.postNested(new Entry("carl", 5), () -> {
				throw new IllegalStateException("inner fails");
			}));
			ledger.postNested(new Entry("dora", 7), () -> {
			});
		}, BOB);
		assertThat(entries("ledger")).containsExactlyInAnyOrder(ANN, new Entry("dora", 7), BOB);
		assertThat(emulator.actionCount("createTransaction")).isOne();
		assertThat(emulator.actionCount("createTransactionSavepoint")).isEqualTo(2);
		assertThat(emulator.actionCount("revertToTransactionSavepoint")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isOne();
	}

	@Test
	void theEscapeHatchJoinsTheTransaction() {
		FairComOperations faircom = context.getBean(FairComOperations.class);
		assertThatIllegalStateException().isThrownBy(() -> ledger.post(ANN, () -> {
			faircom.execute("db", "insertRecords", Map.of("tableName", "ledger", "dataFormat", "objects", "sourceData",
					List.of(Map.of("owner", "eve", "amount", 1))));
			throw new IllegalStateException("undo both");
		}, BOB));
		assertThat(entries("ledger")).isEmpty();
	}

	@Test
	void theTransactionIsListedUnderTheMethodsName() {
		ledger.post(ANN, () -> assertThat(db.listTransactions()).singleElement()
			.extracting(TransactionInfo::description)
			.isEqualTo(Ledger.class.getName() + ".post"), BOB);
		assertThat(db.listTransactions()).isEmpty();
	}

	@Test
	void aCallAfterTheTimeoutFailsAndTheTransactionRollsBack() {
		List<Class<?>> failures = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> ledger.postWithinOneSecond(ANN, () -> emulator.faults().latency(Duration.ofSeconds(2)),
					failures));
		assertThat(failures).containsExactly(FairComTimeoutException.class, TransactionTimedOutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the call ended by the transaction's deadline")
			.isLessThan(Duration.ofSeconds(30));
		emulator.faults().latency(Duration.ZERO);
		assertThat(entries("ledger")).isEmpty();
	}

	@Test
	void anIsolationLevelFairComDoesNotDocumentIsRefused() {
		assertThatExceptionOfType(InvalidIsolationLevelException.class).isThrownBy(ledger::serializable);
		assertThat(emulator.actionCount("createTransaction")).isZero();
	}

	@Test
	void workAfterTheSessionExpiredAndAnotherCallLoggedInIsRefusedAndNothingIsRolledBack() {
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> ledger.post(ANN, () -> {
			emulator.faults().expireAllSessions();
			context.getBean(FairComOperations.class).admin().pingSession();
		}, BOB)).withMessageContaining("not sent");
		assertThat(emulator.actionCount("insertRecords")).isOne();
		assertThat(emulator.actionCount("rollbackTransaction")).as("gone with its session").isZero();
		assertThat(entries("ledger")).isEmpty();
	}

	@Test
	void workThatFindsTheSessionExpiredIsNeverReplayedAndNothingIsRolledBack() {
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> ledger.post(ANN, () -> emulator.faults().expireAllSessions(), BOB))
			.withMessageContaining("is not replayed");
		assertThat(emulator.actionCount("insertRecords")).as("two sent, none replayed").isEqualTo(2);
		assertThat(emulator.actionCount("rollbackTransaction")).isZero();
		assertThat(entries("ledger")).isEmpty();
	}

	@Test
	void aCommitAfterTheSessionExpiredIsRecoverableByRunningTheWorkAgain() {
		assertThatExceptionOfType(RecoverableDataAccessException.class).isThrownBy(() -> ledger.post(ANN, () -> {
			emulator.faults().expireAllSessions();
			context.getBean(FairComOperations.class).admin().pingSession();
		})).withCauseInstanceOf(FairComSessionExpiredException.class);
		assertThat(emulator.actionCount("commitTransaction")).isZero();
		assertThat(emulator.actionCount("rollbackTransaction")).isZero();
		ledger.post(ANN, () -> {
		});
		assertThat(entries("ledger")).containsExactly(ANN);
	}

	@Test
	void transactionalEventListenersRunAfterTheCommitAndSeeItsWork() {
		ledger.postAndPublish(ANN);
		Events events = context.getBean(Events.class);
		assertThat(events.committed).containsExactly(ANN);
		assertThat(events.seenAfterCommit).containsExactly(List.of(ANN));
		assertThat(events.rolledBack).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> ledger.postAndPublish(new Entry("ann", -1)));
		assertThat(events.committed).containsExactly(ANN);
		assertThat(events.rolledBack).containsExactly(new Entry("ann", -1));
	}

	@Test
	void aTransactionTemplateRunsOnTheSameManager() {
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		assertThat(transactions.getTransactionManager()).isInstanceOf(FairComTransactionManager.class);
		transactions.executeWithoutResult((status) -> {
			db.insert("ledger", ANN);
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult((status) -> db.insert("ledger", BOB));
		assertThat(entries("ledger")).containsExactly(BOB);
	}

	@Test
	void repositoriesSpeakSpringsDataAccessLanguage() {
		LedgerRepository repository = context.getBean(LedgerRepository.class);
		repository.add(ANN);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> repository.add(ANN))
			.withCauseInstanceOf(io.github.faircomclient.FairComDuplicateKeyException.class);
		assertThat(entries("ledger")).containsExactly(ANN);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComAutoConfiguration.class,
			FairComTransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
			TransactionAutoConfiguration.class })
	static class Application {

		@Bean
		Ledger ledger(FairComOperations faircom, ApplicationEventPublisher events) {
			return new Ledger(faircom, events);
		}

		@Bean
		LedgerRepository ledgerRepository(FairComOperations faircom) {
			return new LedgerRepository(faircom);
		}

		@Bean
		Events events(FairComOperations faircom) {
			return new Events(faircom);
		}

		@Bean
		static PersistenceExceptionTranslationPostProcessor persistenceExceptionTranslationPostProcessor() {
			return new PersistenceExceptionTranslationPostProcessor();
		}

	}

	static class Ledger {

		private final FairComOperations faircom;

		private final ApplicationEventPublisher events;

		Ledger(FairComOperations faircom, ApplicationEventPublisher events) {
			this.faircom = faircom;
			this.events = events;
		}

		@Transactional
		public void post(Entry first, Runnable meanwhile, Entry... more) {
			this.faircom.db().insert("ledger", first);
			meanwhile.run();
			for (Entry entry : more) {
				this.faircom.db().insert("ledger", entry);
			}
		}

		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void audit(Entry entry) {
			this.faircom.db().insert("audit", entry);
		}

		@Transactional(propagation = Propagation.NESTED)
		public void postNested(Entry entry, Runnable then) {
			this.faircom.db().insert("ledger", entry);
			then.run();
		}

		@Transactional(timeout = 1)
		public void postWithinOneSecond(Entry entry, Runnable slowDown, List<Class<?>> failures) {
			this.faircom.db().insert("ledger", entry);
			slowDown.run();
			for (int i = 0; i < 2; i++) {
				try {
					this.faircom.db().insert("ledger", new Entry(entry.owner(), entry.amount() + i + 1));
				}
				catch (RuntimeException ex) {
					failures.add(ex.getClass());
				}
			}
		}

		@Transactional(isolation = Isolation.SERIALIZABLE)
		public void serializable() {
			this.faircom.db().insert("ledger", ANN);
		}

		@Transactional
		public void postAndPublish(Entry entry) {
			this.faircom.db().insert("ledger", entry);
			this.events.publishEvent(new Posted(entry));
			if (entry.amount() < 0) {
				throw new IllegalStateException("negative amount");
			}
		}

	}

	@Repository
	static class LedgerRepository {

		private final FairComOperations faircom;

		LedgerRepository(FairComOperations faircom) {
			this.faircom = faircom;
		}

		public void add(Entry entry) {
			this.faircom.db().insert("ledger", entry);
		}

	}

	static class Events {

		private final FairComOperations faircom;

		final List<Entry> committed = new CopyOnWriteArrayList<>();

		final List<List<Entry>> seenAfterCommit = new CopyOnWriteArrayList<>();

		final List<Entry> rolledBack = new CopyOnWriteArrayList<>();

		Events(FairComOperations faircom) {
			this.faircom = faircom;
		}

		@TransactionalEventListener
		void afterCommit(Posted posted) {
			this.committed.add(posted.entry());
			this.seenAfterCommit.add(this.faircom.db().getRecordsByTable("ledger").list(Entry.class));
		}

		@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK, fallbackExecution = false)
		void afterRollback(Posted posted) {
			this.rolledBack.add(posted.entry());
		}

		void clear() {
			this.committed.clear();
			this.seenAfterCommit.clear();
			this.rolledBack.clear();
		}

	}

}
