package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.db.BulkMode;
import io.github.faircomclient.db.BulkProgress;
import io.github.faircomclient.db.BulkResult;

/**
 * Context of a {@link FairComObservationDocumentation#BULK} observation: one bulk load, its
 * write action, mode and lanes, its progress after every batch written (read it in an
 * {@code ObservationHandler}'s {@code onEvent}) and, once it ended, what it wrote. A
 * failure is the observation's {@linkplain #getError() error}; a stopped load's
 * {@link io.github.faircomclient.db.FairComBulkLoadException} carries what it wrote too.
 * <p>
 * The table and the records are the caller's data: a convention must not turn them into
 * keys.
 */
public class FairComBulkObservationContext extends Observation.Context {

	private final String action;

	private final BulkMode mode;

	private final int lanes;

	private volatile @Nullable BulkProgress progress;

	private volatile @Nullable BulkResult result;

	/**
	 * Create a new context.
	 * @param action the write action, {@code insertRecords} or {@code updateRecords}
	 * @param mode the mode of the load
	 * @param lanes the lanes it writes through
	 */
	public FairComBulkObservationContext(String action, BulkMode mode, int lanes) {
		Assert.hasText(action, "'action' must not be empty");
		Assert.notNull(mode, "'mode' must not be null");
		this.action = action;
		this.mode = mode;
		this.lanes = lanes;
	}

	/**
	 * Return the write action.
	 * @return {@code insertRecords} or {@code updateRecords}
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * Return the mode of the load.
	 * @return the mode
	 */
	public BulkMode getMode() {
		return this.mode;
	}

	/**
	 * Return the lanes the load writes through.
	 * @return the lanes, 1 for an all-or-nothing load
	 */
	public int getLanes() {
		return this.lanes;
	}

	/**
	 * Return the progress after the last batch written.
	 * @return the progress, or {@code null} before the first batch
	 */
	public @Nullable BulkProgress getProgress() {
		return this.progress;
	}

	/**
	 * Set the progress after a batch was written.
	 * @param progress the progress
	 */
	public void setProgress(BulkProgress progress) {
		this.progress = progress;
	}

	/**
	 * Return what the load wrote.
	 * @return the result, or {@code null} while the load runs
	 */
	public @Nullable BulkResult getResult() {
		return this.result;
	}

	/**
	 * Set what the load wrote, when it ended.
	 * @param result the result
	 */
	public void setResult(BulkResult result) {
		this.result = result;
	}

}
