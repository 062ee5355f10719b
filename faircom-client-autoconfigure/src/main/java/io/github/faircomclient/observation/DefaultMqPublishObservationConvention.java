package io.github.faircomclient.observation;

import io.micrometer.common.KeyValues;

import io.github.faircomclient.observation.MqObservationDocumentation.MqLowCardinalityKeyNames;

/**
 * Default {@link MqPublishObservationConvention}: name {@value #NAME}, contextual name
 * {@code <topic> publish}, low-cardinality keys {@code messaging.system},
 * {@code messaging.operation}, {@code messaging.destination.name},
 * {@code faircom.mq.listener.id} ({@code none}) and {@code outcome}.
 */
public class DefaultMqPublishObservationConvention implements MqPublishObservationConvention {

	/**
	 * The name of the observation.
	 */
	public static final String NAME = "faircom.mq.publish";

	/**
	 * A shared instance.
	 */
	public static final DefaultMqPublishObservationConvention INSTANCE = new DefaultMqPublishObservationConvention();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MqPublishObservationContext context) {
		return context.getTopic() + " publish";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MqPublishObservationContext context) {
		return KeyValues.of(MqLowCardinalityKeyNames.SYSTEM.withValue("faircom"),
				MqLowCardinalityKeyNames.OPERATION.withValue("publish"),
				MqLowCardinalityKeyNames.DESTINATION.withValue(context.getTopic()),
				MqLowCardinalityKeyNames.LISTENER_ID.withValue("none"),
				MqLowCardinalityKeyNames.OUTCOME.withValue(FairComOutcome.of(context.getError()).name()));
	}

}
