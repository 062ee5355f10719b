package io.github.faircomclient.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of FairCom MQ messaging. A publish observation is a sender: a tracing
 * handler writes the trace context into the message's user properties; a process
 * observation is a receiver that continues it. Keys never hold payloads, correlation data
 * or user property values.
 */
public enum MqObservationDocumentation implements ObservationDocumentation {

	/**
	 * One message published by an {@link io.github.faircomclient.mq.MqTemplate} (a batch is
	 * one observation per message). Named {@code faircom.mq.publish} by default.
	 */
	PUBLISH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMqPublishObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return MqLowCardinalityKeyNames.values();
		}

	},

	/**
	 * One message handed to a listener by a listener container, its retries and the
	 * publishing of its reply or dead letter included. Named {@code faircom.mq.process} by
	 * default.
	 */
	PROCESS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMqProcessObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return MqLowCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of the MQ observations.
	 */
	public enum MqLowCardinalityKeyNames implements KeyName {

		/**
		 * Always {@code faircom}.
		 */
		SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/**
		 * {@code publish} or {@code process}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "messaging.operation";
			}
		},

		/**
		 * The topic published to, or the topic filter the listener subscribes to (never a
		 * concrete topic, to keep the values few).
		 */
		DESTINATION {
			@Override
			public String asString() {
				return "messaging.destination.name";
			}
		},

		/**
		 * The listener container's id, {@code none} for a publish.
		 */
		LISTENER_ID {
			@Override
			public String asString() {
				return "faircom.mq.listener.id";
			}
		},

		/**
		 * How it ended: a {@link FairComOutcome} name for a publish; {@code SUCCESS},
		 * {@code FAILURE} or {@code DEAD_LETTERED} for a processed message.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

}
