package io.github.faircomclient.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.testsupport.TestAnswers;

/**
 * Answers decoded as the template decodes them, for tests in other packages.
 */
public final class TestResponses {

	private static final FairComWireFormat wire = new FairComWireFormat();

	private TestResponses() {
	}

	/**
	 * Decode a JSON answer with HTTP 200 to the given action.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId the request was sent with
	 * @param body the answer
	 * @param session the session it was sent with
	 * @return the decoded answer
	 */
	public static FairComResponse decode(@Nullable String api, String action, String requestId, String body,
			@Nullable FairComSession session) {
		return decode(api, action, requestId, body, session, 200);
	}

	/**
	 * Decode a JSON answer with the given HTTP status to the given action.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId the request was sent with
	 * @param body the answer
	 * @param session the session it was sent with
	 * @param status the HTTP status
	 * @return the decoded answer
	 */
	public static FairComResponse decode(@Nullable String api, String action, String requestId, String body,
			@Nullable FairComSession session, int status) {
		try {
			return wire.decode(FairComRequest.builder(action).api(api).build(), requestId,
					TestAnswers.of(status, MediaType.APPLICATION_JSON, body), session, ServerText.masking(List.of()), null,
					false)
				.response();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
