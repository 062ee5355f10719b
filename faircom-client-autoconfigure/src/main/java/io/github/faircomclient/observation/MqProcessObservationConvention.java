package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for processed messages; replaces
 * {@link DefaultMqProcessObservationConvention} when given to a listener container
 * factory.
 */
public interface MqProcessObservationConvention extends ObservationConvention<MqProcessObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MqProcessObservationContext;
	}

}
