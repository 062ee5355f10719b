package io.github.faircomclient.observation;

import io.micrometer.common.KeyValues;

import org.springframework.util.Assert;

import io.github.faircomclient.observation.FairComObservationDocumentation.SessionLowCardinalityKeyNames;

/**
 * Default {@link FairComSessionObservationConvention}: name {@value #DEFAULT_NAME},
 * contextual name {@code faircom <event>}, low-cardinality keys
 * {@code faircom.session.event}, {@code outcome} and {@code faircom.error.code}.
 */
public class DefaultFairComSessionObservationConvention implements FairComSessionObservationConvention {

	/**
	 * The default name of the observation.
	 */
	public static final String DEFAULT_NAME = "faircom.client.sessions";

	/**
	 * A shared instance with the default name.
	 */
	public static final DefaultFairComSessionObservationConvention INSTANCE = new DefaultFairComSessionObservationConvention();

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultFairComSessionObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observation
	 */
	public DefaultFairComSessionObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(FairComSessionObservationContext context) {
		return "faircom " + context.getEvent().value();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FairComSessionObservationContext context) {
		FairComOutcome outcome = context.isSessionGone() ? FairComOutcome.SESSION_EXPIRED
				: FairComOutcome.of(context.getError());
		Integer code = FairComOutcome.errorCode(context.getError());
		String errorCode = (code != null) ? code.toString()
				: (outcome == FairComOutcome.SUCCESS) ? "0" : DefaultFairComRequestObservationConvention.NONE;
		return KeyValues.of(SessionLowCardinalityKeyNames.EVENT.withValue(context.getEvent().value()),
				SessionLowCardinalityKeyNames.OUTCOME.withValue(outcome.name()),
				SessionLowCardinalityKeyNames.ERROR_CODE.withValue(errorCode));
	}

}
