package io.github.faircomclient.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the FairCom client. Keys never hold tokens, passwords, table names,
 * SQL, record ids or other parameters of a call.
 */
public enum FairComObservationDocumentation implements ObservationDocumentation {

	/**
	 * One FairCom action run by a template, from the caller's point of view: a login it
	 * needed, a replay on a new session and the HTTP exchanges ({@code http.client.requests})
	 * are nested in it. Named {@code faircom.client.requests} by default.
	 */
	REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultFairComRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return RequestLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return RequestHighCardinalityKeyNames.values();
		}

	},

	/**
	 * One session event of a template: a login, a login that replaces a session the server
	 * reported gone, a keepalive {@code pingSession} or the logout. Named
	 * {@code faircom.client.sessions} by default.
	 */
	SESSION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultFairComSessionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return SessionLowCardinalityKeyNames.values();
		}

	},

	/**
	 * One bulk load ({@code db().bulkInsert}, {@code db().bulkUpdate}) from the caller's
	 * point of view: the actions of every lane ({@code faircom.client.requests}) are nested
	 * in it, and every batch written is a {@link BulkEvents#BATCH_WRITTEN} event (a counter
	 * {@code faircom.client.bulk.batch.written} with Micrometer's meter handler). Named
	 * {@code faircom.client.bulk} by default.
	 */
	BULK {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultFairComBulkObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return BulkLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return BulkHighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return new Observation.Event[] { BulkEvents.BATCH_WRITTEN };
		}

	};

	/**
	 * The events of {@link #BULK}.
	 */
	public static final class BulkEvents {

		/**
		 * A batch was written: committed (resumable), or written into the load's
		 * transaction (all or nothing).
		 */
		public static final Observation.Event BATCH_WRITTEN = Observation.Event.of("batch.written",
				"batch written");

		private BulkEvents() {
		}

	}

	/**
	 * Low-cardinality keys of {@link #BULK}.
	 */
	public enum BulkLowCardinalityKeyNames implements KeyName {

		/**
		 * The write action: {@code insertRecords} or {@code updateRecords}.
		 */
		ACTION {
			@Override
			public String asString() {
				return "faircom.action";
			}
		},

		/**
		 * The mode: {@code all-or-nothing} or {@code resumable}.
		 */
		MODE {
			@Override
			public String asString() {
				return "faircom.bulk.mode";
			}
		},

		/**
		 * The number of lanes the load writes through.
		 */
		LANES {
			@Override
			public String asString() {
				return "faircom.bulk.lanes";
			}
		},

		/**
		 * How the load ended: a {@link FairComOutcome} name, that of the failure that
		 * stopped it.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/**
	 * High-cardinality keys of {@link #BULK}.
	 */
	public enum BulkHighCardinalityKeyNames implements KeyName {

		/**
		 * The records written.
		 */
		RECORDS {
			@Override
			public String asString() {
				return "faircom.bulk.records";
			}
		},

		/**
		 * The batches written.
		 */
		BATCHES {
			@Override
			public String asString() {
				return "faircom.bulk.batches";
			}
		}

	}

	/**
	 * Low-cardinality keys of {@link #REQUEST}.
	 */
	public enum RequestLowCardinalityKeyNames implements KeyName {

		/**
		 * The api of the action ({@code admin}, {@code db}, ...), or {@code none} if the
		 * call named none and the session's default api applies.
		 */
		API {
			@Override
			public String asString() {
				return "faircom.api";
			}
		},

		/**
		 * The name of the action, as the caller spelled it.
		 */
		ACTION {
			@Override
			public String asString() {
				return "faircom.action";
			}
		},

		/**
		 * How the call ended: a {@link FairComOutcome} name.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The {@code errorCode} of the server's answer ({@code 0} on success), or
		 * {@code none} if there was no answer with one.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "faircom.error.code";
			}
		}

	}

	/**
	 * High-cardinality keys of {@link #REQUEST}.
	 */
	public enum RequestHighCardinalityKeyNames implements KeyName {

		/**
		 * The {@code requestId} of the last exchange of the call, to find it in the
		 * server's logs.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "faircom.request.id";
			}
		}

	}

	/**
	 * Low-cardinality keys of {@link #SESSION}.
	 */
	public enum SessionLowCardinalityKeyNames implements KeyName {

		/**
		 * The session event: {@code login}, {@code relogin}, {@code keepalive} or
		 * {@code logout}.
		 */
		EVENT {
			@Override
			public String asString() {
				return "faircom.session.event";
			}
		},

		/**
		 * How the event ended: a {@link FairComOutcome} name; {@code SESSION_EXPIRED} for
		 * a keepalive that found the session gone.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The {@code errorCode} of a refused call, {@code 0} on success, or {@code none}
		 * if there was no answer with one.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "faircom.error.code";
			}
		}

	}

}
