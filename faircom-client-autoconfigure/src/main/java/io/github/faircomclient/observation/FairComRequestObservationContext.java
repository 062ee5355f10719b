package io.github.faircomclient.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;

/**
 * Context of a {@link FairComObservationDocumentation#REQUEST} observation: the request
 * as the caller gave it and, once it succeeded, the server's answer. A failure is the
 * observation's {@linkplain #getError() error}.
 * <p>
 * The request's parameters are the caller's data (they may hold table names, SQL or
 * record values): a convention must not turn them into low-cardinality keys.
 */
public class FairComRequestObservationContext extends Observation.Context {

	private final FairComRequest request;

	private volatile @Nullable FairComResponse response;

	/**
	 * Create a new context.
	 * @param request the request being run
	 */
	public FairComRequestObservationContext(FairComRequest request) {
		Assert.notNull(request, "'request' must not be null");
		this.request = request;
	}

	/**
	 * Return the request being run.
	 * @return the request
	 */
	public FairComRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the api of the action.
	 * @return the api or {@code null} if the request names none
	 */
	public @Nullable String getApi() {
		return this.request.api();
	}

	/**
	 * Return the name of the action.
	 * @return the action
	 */
	public String getAction() {
		return this.request.action();
	}

	/**
	 * Return the successful answer.
	 * @return the answer, or {@code null} while the call runs or if it failed
	 */
	public @Nullable FairComResponse getResponse() {
		return this.response;
	}

	/**
	 * Set the successful answer.
	 * @param response the answer
	 */
	public void setResponse(@Nullable FairComResponse response) {
		this.response = response;
	}

}
