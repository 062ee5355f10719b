package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for FairCom session events. Define a bean of this type to
 * replace {@link DefaultFairComSessionObservationConvention}.
 */
public interface FairComSessionObservationConvention extends ObservationConvention<FairComSessionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof FairComSessionObservationContext;
	}

}
