package io.github.faircomclient.observation;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

import org.springframework.util.Assert;

import io.github.faircomclient.db.BulkProgress;
import io.github.faircomclient.db.BulkResult;
import io.github.faircomclient.observation.FairComObservationDocumentation.BulkHighCardinalityKeyNames;
import io.github.faircomclient.observation.FairComObservationDocumentation.BulkLowCardinalityKeyNames;

/**
 * Default convention of the {@link FairComObservationDocumentation#BULK} observation: name
 * {@value #DEFAULT_NAME}, contextual name {@code faircom bulk <action>}, low-cardinality
 * keys {@code faircom.action}, {@code faircom.bulk.mode}, {@code faircom.bulk.lanes} and
 * {@code outcome}, high-cardinality keys {@code faircom.bulk.records} and
 * {@code faircom.bulk.batches}.
 */
public class DefaultFairComBulkObservationConvention implements ObservationConvention<FairComBulkObservationContext> {

	/**
	 * The default name of the observation.
	 */
	public static final String DEFAULT_NAME = "faircom.client.bulk";

	/**
	 * A shared instance with the default name.
	 */
	public static final DefaultFairComBulkObservationConvention INSTANCE = new DefaultFairComBulkObservationConvention();

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultFairComBulkObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observation
	 */
	public DefaultFairComBulkObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(FairComBulkObservationContext context) {
		return "faircom bulk " + context.getAction();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof FairComBulkObservationContext;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FairComBulkObservationContext context) {
		return KeyValues.of(BulkLowCardinalityKeyNames.ACTION.withValue(context.getAction()),
				BulkLowCardinalityKeyNames.MODE
					.withValue(context.getMode().name().toLowerCase(Locale.ROOT).replace('_', '-')),
				BulkLowCardinalityKeyNames.LANES.withValue(String.valueOf(context.getLanes())), outcome(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(FairComBulkObservationContext context) {
		BulkResult result = context.getResult();
		BulkProgress progress = context.getProgress();
		long records = (result != null) ? result.recordsWritten() : (progress != null) ? progress.recordsWritten() : 0;
		long batches = (result != null) ? result.batches() : (progress != null) ? progress.batches() : 0;
		return KeyValues.of(BulkHighCardinalityKeyNames.RECORDS.withValue(String.valueOf(records)),
				BulkHighCardinalityKeyNames.BATCHES.withValue(String.valueOf(batches)));
	}

	/**
	 * Return the {@code outcome} key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue outcome(FairComBulkObservationContext context) {
		return BulkLowCardinalityKeyNames.OUTCOME.withValue(FairComOutcome.of(context.getError()).name());
	}

}
