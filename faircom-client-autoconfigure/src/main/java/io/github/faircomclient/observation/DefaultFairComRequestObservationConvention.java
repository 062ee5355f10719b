package io.github.faircomclient.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.observation.FairComObservationDocumentation.RequestHighCardinalityKeyNames;
import io.github.faircomclient.observation.FairComObservationDocumentation.RequestLowCardinalityKeyNames;

/**
 * Default {@link FairComRequestObservationConvention}: name
 * {@value #DEFAULT_NAME}, contextual name {@code faircom <api>/<action>}, low-cardinality
 * keys {@code faircom.api}, {@code faircom.action}, {@code outcome} and
 * {@code faircom.error.code}, high-cardinality key {@code faircom.request.id}.
 */
public class DefaultFairComRequestObservationConvention implements FairComRequestObservationConvention {

	/**
	 * The default name of the observation.
	 */
	public static final String DEFAULT_NAME = "faircom.client.requests";

	/**
	 * A shared instance with the default name.
	 */
	public static final DefaultFairComRequestObservationConvention INSTANCE = new DefaultFairComRequestObservationConvention();

	static final String NONE = "none";

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultFairComRequestObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observation
	 */
	public DefaultFairComRequestObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(FairComRequestObservationContext context) {
		String api = context.getApi();
		return "faircom " + ((api != null && !api.isEmpty()) ? api + "/" : "") + context.getAction();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FairComRequestObservationContext context) {
		return KeyValues.of(api(context), action(context), outcome(context), errorCode(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(FairComRequestObservationContext context) {
		String requestId = requestId(context);
		return (requestId != null) ? KeyValues.of(RequestHighCardinalityKeyNames.REQUEST_ID.withValue(requestId))
				: KeyValues.empty();
	}

	/**
	 * Return the {@code faircom.api} key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue api(FairComRequestObservationContext context) {
		String api = context.getApi();
		return RequestLowCardinalityKeyNames.API.withValue((api != null && !api.isEmpty()) ? api : NONE);
	}

	/**
	 * Return the {@code faircom.action} key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue action(FairComRequestObservationContext context) {
		return RequestLowCardinalityKeyNames.ACTION.withValue(context.getAction());
	}

	/**
	 * Return the {@code outcome} key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue outcome(FairComRequestObservationContext context) {
		return RequestLowCardinalityKeyNames.OUTCOME.withValue(FairComOutcome.of(context.getError()).name());
	}

	/**
	 * Return the {@code faircom.error.code} key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue errorCode(FairComRequestObservationContext context) {
		FairComResponse response = context.getResponse();
		Integer code = (response != null) ? Integer.valueOf(response.errorCode())
				: FairComOutcome.errorCode(context.getError());
		return RequestLowCardinalityKeyNames.ERROR_CODE.withValue((code != null) ? code.toString() : NONE);
	}

	private static @Nullable String requestId(FairComRequestObservationContext context) {
		FairComResponse response = context.getResponse();
		return (response != null) ? response.requestId() : FairComOutcome.requestId(context.getError());
	}

}
