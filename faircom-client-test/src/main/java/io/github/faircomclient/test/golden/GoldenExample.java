package io.github.faircomclient.test.golden;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One documented FairCom request/response example, as read from a golden file.
 *
 * @param name the file name without {@code .json}, e.g. {@code admin-pingSession-minimal}
 * @param source the documentation address(es) the example was copied from
 * @param docVersion which documentation host or crawl the text came from
 * @param request the documented request (a deep copy; safe to modify)
 * @param response the documented response, or {@code null} for request-only examples
 * @param partial whether request or response is incomplete (compare as a subset)
 * @param volatilePaths dot paths ({@code [*]} for every array element) compared loosely
 * @param notes what the example shows, documentation quirks, what was cut off
 */
public record GoldenExample(String name, String source, String docVersion, ObjectNode request,
		@Nullable JsonNode response, boolean partial, List<String> volatilePaths, String notes) {

	/**
	 * Creates an example; the volatile path list is copied.
	 * @param name the file name without {@code .json}
	 * @param source the documentation address(es)
	 * @param docVersion the documentation host or crawl
	 * @param request the documented request
	 * @param response the documented response, or {@code null}
	 * @param partial whether the example is incomplete
	 * @param volatilePaths paths compared loosely
	 * @param notes what the example shows
	 */
	public GoldenExample {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(request, "request");
		volatilePaths = List.copyOf(volatilePaths);
	}

	/**
	 * Whether the documentation shows only the request.
	 * @return {@code true} when {@link #response()} is {@code null}
	 */
	public boolean requestOnly() {
		return this.response == null;
	}

	/**
	 * The documented response, for examples that have one.
	 * @return the response
	 * @throws IllegalStateException for a request-only example
	 */
	public JsonNode requiredResponse() {
		if (this.response == null) {
			throw new IllegalStateException("Golden example '" + this.name + "' documents no response");
		}
		return this.response;
	}

	/**
	 * Compares an actual answer with the documented response using the golden rules.
	 * @param actual the answer to check
	 * @return the comparison result
	 */
	public GoldenComparison.Result compareResponse(JsonNode actual) {
		return GoldenComparison.of(this).compare(actual);
	}

}
