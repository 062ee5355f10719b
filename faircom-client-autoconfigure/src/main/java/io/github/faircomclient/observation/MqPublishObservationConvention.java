package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for published messages; replaces
 * {@link DefaultMqPublishObservationConvention} when given to
 * {@link io.github.faircomclient.mq.MqSettings}.
 */
public interface MqPublishObservationConvention extends ObservationConvention<MqPublishObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MqPublishObservationContext;
	}

}
