package io.github.faircomclient.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The baseline of the bulk benchmark, shaped like FairCom's own bulk-load script (FairCom-Official
 * uat-bulk-load, {@code scripts/load_faircom.py}): N threads post {@code insertRecords} batches of a
 * fixed {@value #BATCH} records in parallel through one pooled HttpClient ({@link HandWrittenClient})
 * that shares one {@code authToken}; each insert commits on its own, without transactions. The
 * records are Java records serialized by Jackson 3 as the envelope is written; the threads take
 * their batches from the shared input under a lock.
 */
final class HandWrittenLoader {

	/**
	 * Records per {@code insertRecords}.
	 */
	static final int BATCH = 500;

	private final HandWrittenClient client;

	HandWrittenLoader(HandWrittenClient client) {
		this.client = client;
	}

	/**
	 * Load every record.
	 * @param tableName the table
	 * @param records the records, read a batch at a time
	 * @param threads the number of threads posting batches
	 * @return the number of records written
	 * @throws Exception if a batch fails
	 */
	long load(String tableName, Iterator<?> records, int threads) throws Exception {
		ReentrantLock input = new ReentrantLock();
		AtomicLong written = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					while (true) {
						List<Object> batch = new ArrayList<>(BATCH);
						input.lock();
						try {
							while (batch.size() < BATCH && records.hasNext()) {
								batch.add(records.next());
							}
						}
						finally {
							input.unlock();
						}
						if (batch.isEmpty()) {
							return null;
						}
						this.client.call("db", "insertRecords",
								Map.of("tableName", tableName, "dataFormat", "objects", "sourceData", batch));
						written.addAndGet(batch.size());
					}
				}));
			}
			for (Future<?> worker : workers) {
				try {
					worker.get();
				}
				catch (ExecutionException ex) {
					throw (ex.getCause() instanceof Exception cause) ? cause : ex;
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return written.get();
	}

}
