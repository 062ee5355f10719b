package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for FairCom actions. Define a bean of this type to
 * replace {@link DefaultFairComRequestObservationConvention}, for example to add keys.
 */
public interface FairComRequestObservationConvention extends ObservationConvention<FairComRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof FairComRequestObservationContext;
	}

}
