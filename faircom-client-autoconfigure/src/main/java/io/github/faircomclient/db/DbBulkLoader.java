package io.github.faircomclient.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.BulkResult.RecordRange;
import io.github.faircomclient.db.CommitOrder.Turn;
import io.github.faircomclient.db.CommitOrder.Written;
import io.github.faircomclient.db.DbCalls.Scope;
import io.github.faircomclient.db.LostCommitCheck.Verdict;
import io.github.faircomclient.observation.DefaultFairComBulkObservationConvention;
import io.github.faircomclient.observation.FairComBulkObservationContext;
import io.github.faircomclient.observation.FairComObservationDocumentation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bulk loader of {@link DbTemplate}: {@code bulkInsert} and {@code bulkUpdate} of a
 * stream or iterable of records, read a batch at a time (never the whole input in memory),
 * each batch written straight into JSON bytes ({@link BulkBatch}) and sized toward the
 * target bytes and the latency budget ({@link BatchSizer}).
 * <ul>
 * <li>{@link BulkMode#ALL_OR_NOTHING}: the batches one after another in one transaction,
 * the one the call runs in or a new one committed at the end.</li>
 * <li>{@link BulkMode#RESUMABLE}: lanes (the calling thread and {@code lanes - 1} threads
 * of the load) each take the next batch, write it in a transaction of its own and commit
 * it in batch order ({@link CommitOrder}), so that what is written is always the input up
 * to the high-water mark; a batch written before its turn is parked, still uncommitted,
 * and committed by the lane that commits the batch before it, while its own lane goes on.
 * A batch whose write fails is rolled back; a batch whose commit's answer is lost is never
 * sent again: {@link LostCommitCheck} decides whether it was written. The first failure stops the load: later batches are rolled back, and a
 * {@link FairComBulkLoadException} reports exactly what was written.</li>
 * </ul>
 * Each load is one {@link FairComObservationDocumentation#BULK} observation, in which
 * the actions of every lane are nested.
 */
final class DbBulkLoader {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DbCalls calls;

	private final DbTransactions transactions;

	DbBulkLoader(DbCalls calls, DbTransactions transactions) {
		this.calls = calls;
		this.transactions = transactions;
	}

	BulkResult load(String action, String tableName, Iterator<?> records, BulkOptions options) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		Assert.notNull(records, "'records' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.isTrue(!options.isIgnoreChangeIdProtection() || "updateRecords".equals(action),
				"ignoreChangeIdProtection applies to bulkUpdate only");
		boolean resumable = options.getMode() == BulkMode.RESUMABLE;
		Assert.state(!resumable || this.calls.transaction() == null,
				"A resumable bulk load commits every batch in a transaction of its own and cannot run inside a "
						+ "transaction; use BulkOptions.allOrNothing() to load into this one");
		Integer asked = options.getLanes();
		int lanes = (!resumable) ? 1 : (asked != null) ? asked : this.calls.settings().getBulk().getLanes();
		FairComBulkObservationContext context = new FairComBulkObservationContext(action, options.getMode(), lanes);
		Observation observation = FairComObservationDocumentation.BULK.observation(null,
				DefaultFairComBulkObservationConvention.INSTANCE, () -> context, this.calls.observationRegistry());
		BulkRun run = new BulkRun(action, tableName, records, options, this.calls.settings().getBulk(), lanes,
				observation, context);
		return observation.observe(() -> (resumable) ? resumable(run, lanes) : allOrNothing(run));
	}

	// ------------------------------------------------------------------ resumable

	private BulkResult resumable(BulkRun run, int lanes) {
		List<Thread> threads = new ArrayList<>(lanes - 1);
		for (int lane = 1; lane < lanes; lane++) {
			Thread thread = new Thread(() -> {
				try (Observation.Scope scope = run.observation().openScope()) {
					lane(run);
				}
			}, "faircom-bulk-" + run.action() + "-" + lane);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		lane(run);
		boolean interrupted = false;
		for (Thread thread : threads) {
			while (thread.isAlive()) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
					run.fail(BulkRun.NOT_A_BATCH, null, new FairComException("Interrupted while a bulk load ran",
							FairComFailureKind.INTERRUPTED, DbCalls.API, run.action(), null, ex), false);
				}
			}
		}
		rollbackParked(run);
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return finish(run, run.order().highWaterMark(), run.order().committed());
	}

	/**
	 * One lane: take a batch, write it in its own transaction, commit it in its turn (or
	 * park it for the lane that commits the batch before it), until the input is
	 * exhausted or the load stopped. Records every failure with the run; throws nothing.
	 */
	private void lane(BulkRun run) {
		while (true) {
			BulkBatch batch;
			try {
				BulkRun.Taken taken = run.take();
				if (taken == null) {
					return;
				}
				batch = encode(run, taken);
				if (batch == null) {
					return;
				}
			}
			catch (BulkRun.InputFailure ex) {
				run.fail(ex.sequence(), null, ex.getCause(), false);
				return;
			}
			catch (RuntimeException | Error ex) {
				run.fail(BulkRun.NOT_A_BATCH, null, ex, false);
				return;
			}
			try {
				writeInItsOwnTransaction(run, batch);
			}
			catch (RuntimeException | Error ex) {
				run.fail(batch.sequence(), batch.range(), ex, false);
				return;
			}
		}
	}

	private @Nullable BulkBatch encode(BulkRun run, BulkRun.Taken taken) {
		try {
			BulkBatch batch = BulkBatch.encode(taken.sequence(), taken.first(), taken.records(),
					this.calls.mapper().mapper());
			run.encoded(batch);
			return batch;
		}
		catch (IllegalArgumentException ex) {
			run.fail(taken.sequence(), new RecordRange(taken.first(), taken.records().size()), ex, false);
			return null;
		}
	}

	private void writeInItsOwnTransaction(BulkRun run, BulkBatch batch) {
		DbTransactionHolder transaction;
		try {
			transaction = this.transactions.begin("faircom-client bulk " + run.action() + " batch " + batch.sequence(),
					null);
		}
		catch (FairComException ex) {
			run.fail(batch.sequence(), batch.range(), ex, false);
			return;
		}
		JsonNode returned;
		try {
			returned = write(run, batch, this.calls.withOptions(this.calls.options().withTransaction(transaction)));
		}
		catch (RuntimeException ex) {
			rollbackAfter(transaction, ex);
			run.fail(batch.sequence(), batch.range(), ex, false);
			return;
		}
		Written written = new Written(batch, transaction, returned);
		Turn turn;
		try {
			turn = run.order().offer(written);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			FairComException interrupted = new FairComException("Interrupted while a bulk batch waited to commit",
					FairComFailureKind.INTERRUPTED, DbCalls.API, "commitTransaction", null, ex);
			rollbackAfter(transaction, interrupted);
			run.fail(batch.sequence(), batch.range(), interrupted, false);
			return;
		}
		switch (turn) {
			case NOW -> commitInOrder(run, written);
			case NEVER -> rollbackAfter(transaction, null);
			case PARKED -> {
			}
		}
	}

	/**
	 * Commit a batch whose turn it is, then each parked batch after it, as long as they
	 * commit.
	 */
	private void commitInOrder(BulkRun run, Written first) {
		@Nullable Written written = first;
		while (written != null) {
			BulkBatch batch = written.batch();
			try {
				if (!commit(run, batch, written.transaction(), written.returned())) {
					return;
				}
				run.written(batch, run.order().committed() + 1);
			}
			catch (RuntimeException | Error ex) {
				run.fail(batch.sequence(), batch.range(), ex, false);
				return;
			}
			written = run.order().committed(batch);
		}
	}

	/**
	 * Roll back the batches still parked once every lane has ended: none of them will
	 * commit, since a batch before each failed or the load was stopped.
	 */
	private void rollbackParked(BulkRun run) {
		for (Written parked : run.order().takeParked()) {
			rollbackAfter(parked.transaction(), null);
		}
	}

	/**
	 * Commit a batch's transaction; after a commit whose answer was lost, check what it
	 * did.
	 * @return whether the batch is written; otherwise the failure is recorded
	 */
	private boolean commit(BulkRun run, BulkBatch batch, DbTransactionHolder transaction, JsonNode returned) {
		try {
			this.transactions.commit(transaction, null);
			return true;
		}
		catch (FairComException ex) {
			Verdict verdict = (notCommitted(ex)) ? Verdict.NOT_WRITTEN
					: new LostCommitCheck(this.calls, this.transactions, run.action(), run.tableName()).check(batch,
							transaction, returned, ex);
			if (verdict == Verdict.WRITTEN) {
				return true;
			}
			run.fail(batch.sequence(), batch.range(), ex, verdict == Verdict.IN_DOUBT);
			return false;
		}
	}

	/**
	 * Whether a failed commit certainly did not commit: it was not sent or not processed,
	 * the server answered it with an error (FairCom then rolls back), or the session with
	 * the transaction is gone.
	 */
	private static boolean notCommitted(FairComException failure) {
		return switch (failure.getFailureKind()) {
			case NOT_SENT, NOT_PROCESSED, POOL_TIMEOUT, ACTION_FAILED, SESSION_EXPIRED, AUTHENTICATION -> true;
			default -> false;
		};
	}

	/**
	 * Send one batch.
	 * @return the records the server returned, if any
	 */
	private JsonNode write(BulkRun run, BulkBatch batch, DbCalls calls) {
		ObjectNode params = NODES.objectNode().put("tableName", run.tableName()).put("dataFormat", "objects");
		if (run.options().isIgnoreChangeIdProtection()) {
			params.put("ignoreChangeIdProtection", true);
		}
		params.putRawValue("sourceData", batch.sourceData());
		params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
		long start = System.nanoTime();
		FairComResponse response = calls.execute(run.action(), params, Scope.OWNER);
		run.sizer().written(batch.count(), Duration.ofNanos(System.nanoTime() - start));
		return response.optionalResultArray("data");
	}

	private void rollbackAfter(DbTransactionHolder transaction, @Nullable Throwable failure) {
		try {
			this.transactions.rollbackUnlessGone(transaction);
		}
		catch (FairComException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
		}
	}

	// ------------------------------------------------------------------ all or nothing

	private BulkResult allOrNothing(BulkRun run) {
		DbTransactionHolder joined = this.calls.transaction();
		if (joined != null) {
			long end = writeSerially(run, this.calls, null);
			Throwable failure = run.failure();
			if (failure != null) {
				joined.joinFailed(failure);
				return finish(run, run.options().getResumeAt(), 0);
			}
			return finish(run, end, run.order().committed());
		}
		DbTransactionHolder transaction;
		try {
			transaction = this.transactions.begin("faircom-client bulk " + run.action(), null);
		}
		catch (FairComException ex) {
			run.fail(0, null, ex, false);
			return finish(run, run.options().getResumeAt(), 0);
		}
		BulkBatch[] last = new BulkBatch[1];
		JsonNode[] returned = new JsonNode[1];
		long end = writeSerially(run, this.calls.withOptions(this.calls.options().withTransaction(transaction)),
				(batch, answer) -> {
					last[0] = batch;
					returned[0] = answer;
				});
		Throwable failure = run.failure();
		if (failure != null) {
			rollbackAfter(transaction, failure);
			return finish(run, run.options().getResumeAt(), 0);
		}
		RecordRange all = new RecordRange(run.options().getResumeAt(), end - run.options().getResumeAt());
		try {
			this.transactions.commit(transaction, null);
		}
		catch (FairComException ex) {
			Verdict verdict = (notCommitted(ex) || last[0] == null) ? Verdict.NOT_WRITTEN
					: new LostCommitCheck(this.calls, this.transactions, run.action(), run.tableName())
						.check(last[0], transaction, returned[0], ex);
			if (verdict != Verdict.WRITTEN) {
				run.fail(0, all, ex, verdict == Verdict.IN_DOUBT);
				return finish(run, run.options().getResumeAt(), 0);
			}
		}
		return finish(run, end, run.order().committed());
	}

	/**
	 * Write every batch one after another with the given calls.
	 * @return the index after the last record written
	 */
	private long writeSerially(BulkRun run, DbCalls calls, @Nullable WrittenBatch lastBatch) {
		long end = run.options().getResumeAt();
		while (true) {
			BulkBatch batch;
			try {
				BulkRun.Taken taken = run.take();
				batch = (taken != null) ? encode(run, taken) : null;
			}
			catch (BulkRun.InputFailure ex) {
				run.fail(ex.sequence(), null, ex.getCause(), false);
				return end;
			}
			if (batch == null) {
				return end;
			}
			try {
				JsonNode returned = write(run, batch, calls);
				if (lastBatch != null) {
					lastBatch.written(batch, returned);
				}
			}
			catch (RuntimeException ex) {
				run.fail(batch.sequence(), batch.range(), ex, false);
				return end;
			}
			end = batch.end();
			run.written(batch, run.order().committed() + 1);
			run.order().committed(batch);
		}
	}

	@FunctionalInterface
	private interface WrittenBatch {

		void written(BulkBatch batch, JsonNode returned);

	}

	// ------------------------------------------------------------------ result

	private BulkResult finish(BulkRun run, long highWaterMark, long batches) {
		BulkResult result = run.result(highWaterMark, batches);
		Throwable failure = run.failure();
		if (failure == null) {
			return result;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		throw new FairComBulkLoadException(describe(run, result, failure), result, failure);
	}

	private static String describe(BulkRun run, BulkResult result, Throwable failure) {
		StringBuilder message = new StringBuilder("Bulk ").append(run.action())
			.append(" into table '")
			.append(run.tableName())
			.append("' (")
			.append(result.mode().name().toLowerCase(Locale.ROOT).replace('_', ' '))
			.append(") stopped");
		RecordRange inDoubt = result.inDoubt().orElse(null);
		RecordRange failed = result.failed().orElse(null);
		if (inDoubt != null) {
			message.append(": the commit of ").append(inDoubt).append(" is in doubt: its answer was lost (")
				.append(failure.getMessage())
				.append(") and neither listTransactions nor reading the records back could tell whether it ran");
		}
		else {
			message.append((failed != null) ? " at " + failed : "").append(": ").append(failure.getMessage());
		}
		if (result.mode() == BulkMode.ALL_OR_NOTHING) {
			message.append((inDoubt != null) ? ". Check whether the records are there before loading them again"
					: ". Nothing was written: the load's transaction was rolled back (or the transaction it joined "
							+ "is marked rollback-only)");
			return message.toString();
		}
		message.append(". Written: ");
		if (result.recordsWritten() > 0) {
			message.append("records ").append(result.firstRecord()).append(" to ").append(result.highWaterMark() - 1);
		}
		else {
			message.append("none");
		}
		message.append(" (high-water mark ").append(result.highWaterMark()).append("); nothing after ")
			.append((inDoubt != null) ? "the batch in doubt" : "the high-water mark")
			.append(" was written. ");
		if (inDoubt != null) {
			message.append("Check ").append(inDoubt).append(", then resume at ").append(inDoubt.first())
				.append(" if they are missing or at ").append(inDoubt.end()).append(" if they are there");
		}
		else {
			message.append("Resume with BulkOptions.resumable().resumeAt(").append(result.highWaterMark()).append(')');
		}
		return message.toString();
	}

}
