package io.github.faircomclient.observation;

import io.micrometer.common.KeyValues;

import io.github.faircomclient.observation.MqObservationDocumentation.MqLowCardinalityKeyNames;

/**
 * Default {@link MqProcessObservationConvention}: name {@value #NAME}, contextual name
 * {@code <topic filter> process}, low-cardinality keys {@code messaging.system},
 * {@code messaging.operation}, {@code messaging.destination.name} (the filter),
 * {@code faircom.mq.listener.id} and {@code outcome}.
 */
public class DefaultMqProcessObservationConvention implements MqProcessObservationConvention {

	/**
	 * The name of the observation.
	 */
	public static final String NAME = "faircom.mq.process";

	/**
	 * A shared instance.
	 */
	public static final DefaultMqProcessObservationConvention INSTANCE = new DefaultMqProcessObservationConvention();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MqProcessObservationContext context) {
		return context.getTopicFilter() + " process";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MqProcessObservationContext context) {
		String outcome = context.getOutcome();
		return KeyValues.of(MqLowCardinalityKeyNames.SYSTEM.withValue("faircom"),
				MqLowCardinalityKeyNames.OPERATION.withValue("process"),
				MqLowCardinalityKeyNames.DESTINATION.withValue(context.getTopicFilter()),
				MqLowCardinalityKeyNames.LISTENER_ID.withValue(context.getListenerId()),
				MqLowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome
						: (context.getError() != null) ? "FAILURE" : "SUCCESS"));
	}

}
