package io.github.faircomclient.core;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The answer to one FairCom JSON action. A missing {@code result} is an empty object,
 * never {@code null}. It tells which {@linkplain #session() session} carried the call, so
 * that later calls on a transaction or cursor it created can be
 * {@linkplain FairComRequest.Builder#boundTo(FairComSession) bound} to that session.
 */
public final class FairComResponse {

	private final @Nullable String api;

	private final String action;

	private final String requestId;

	private final int httpStatus;

	private final int errorCode;

	private final String errorMessage;

	private final JsonNode result;

	private final List<FairComWarning> warnings;

	private final @Nullable JsonNode debugInfo;

	private final @Nullable String authToken;

	private final @Nullable FairComSession session;

	private final boolean sessionGone;

	private final @Nullable Object readField;

	private final ObjectMapper mapper;

	FairComResponse(@Nullable String api, String action, String requestId, int httpStatus, int errorCode,
			String errorMessage, JsonNode result, List<FairComWarning> warnings, @Nullable JsonNode debugInfo,
			@Nullable String authToken, @Nullable FairComSession session, boolean sessionGone,
			@Nullable Object readField, ObjectMapper mapper) {
		this.api = api;
		this.action = action;
		this.requestId = requestId;
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.result = result;
		this.warnings = List.copyOf(warnings);
		this.debugInfo = debugInfo;
		this.authToken = authToken;
		this.session = session;
		this.sessionGone = sessionGone;
		this.readField = readField;
		this.mapper = mapper;
	}

	/**
	 * Return the api of the action this answers.
	 * @return the api or {@code null} if the request named none
	 */
	public @Nullable String api() {
		return this.api;
	}

	/**
	 * Return the action this answers.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Return the {@code requestId} sent with the call (and echoed by the server).
	 * @return the request id
	 */
	public String requestId() {
		return this.requestId;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the HTTP status code
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the {@code errorCode}: {@code 0} for success.
	 * @return the error code
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * Return the {@code errorMessage}, empty on success.
	 * @return the error message
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return whether the action succeeded ({@code errorCode} 0).
	 * @return whether the action succeeded
	 */
	public boolean isSuccess() {
		return this.errorCode == 0;
	}

	/**
	 * Return whether the server said that the session the call was sent with is gone:
	 * {@code errorCode} 12031 (current servers, with HTTP 200 or 401), 60031, or on legacy
	 * servers -1 with the message "authToken invalid or expired.". A 12031
	 * <em>warning</em> in a successful answer is not. The template replaces the session
	 * and replays the call when it may; callers of the template never see such an answer.
	 * @return whether the session is gone
	 */
	public boolean isSessionGone() {
		return this.sessionGone;
	}

	/**
	 * Return the {@code result} as a Jackson tree.
	 * @return the result, an empty object if the server sent none
	 */
	public JsonNode result() {
		return this.result;
	}

	/**
	 * Return an array the action returns in its {@code result}, such as {@code data} or
	 * {@code sessions}.
	 * @param name the name of the array in the result
	 * @return the array
	 * @throws io.github.faircomclient.FairComProtocolException if the result is not an
	 * object, or holds no array under that name
	 */
	public JsonNode resultArray(String name) {
		JsonNode array = resultObject(name).path(name);
		if (array.isArray()) {
			return array;
		}
		throw FairComExceptionTranslator.incompleteResult(this,
				"a '" + name + "' array (" + name + " is " + type(array) + ")");
	}

	/**
	 * Return an array the action may return in its {@code result}: one FairCom does not
	 * document, such as the records a write returns.
	 * @param name the name of the array in the result
	 * @return the array, or an empty array if the result has none (or {@code null})
	 * @throws io.github.faircomclient.FairComProtocolException if the result is not an
	 * object, or holds something else under that name
	 */
	public JsonNode optionalResultArray(String name) {
		JsonNode array = resultObject(name).path(name);
		if (array.isArray()) {
			return array;
		}
		if (array.isMissingNode() || array.isNull()) {
			return JsonNodeFactory.instance.arrayNode(0);
		}
		throw FairComExceptionTranslator.incompleteResult(this,
				"a '" + name + "' array (" + name + " is " + type(array) + ")");
	}

	private JsonNode resultObject(String arrayName) {
		if (!this.result.isObject()) {
			throw FairComExceptionTranslator.incompleteResult(this,
					"a result object with a '" + arrayName + "' array (the result is " + type(this.result) + ")");
		}
		return this.result;
	}

	private static String type(JsonNode node) {
		return (node.isMissingNode()) ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Map the {@code result} to a Java type.
	 * @param <T> the target type
	 * @param type the target type
	 * @return the mapped result
	 * @throws FairComMappingException if the result does not fit the type
	 */
	public <T> T resultAs(Class<T> type) {
		try {
			return this.mapper.treeToValue(this.result, type);
		}
		catch (JacksonException ex) {
			throw mappingFailed(type.getName(), ex);
		}
	}

	/**
	 * Map the {@code result} to a generic Java type.
	 * @param <T> the target type
	 * @param type the target type
	 * @return the mapped result
	 * @throws FairComMappingException if the result does not fit the type
	 */
	public <T> T resultAs(TypeReference<T> type) {
		try {
			return this.mapper.readerFor(type).readValue(this.result);
		}
		catch (JacksonException ex) {
			throw mappingFailed(type.getType().getTypeName(), ex);
		}
	}

	/**
	 * Return what the request's {@linkplain FairComRequest.Builder#readResultField field
	 * reader} made of its field of the result.
	 * @return the value, or {@code null} if the request named no field or the answer had
	 * none
	 */
	public @Nullable Object readField() {
		return this.readField;
	}

	/**
	 * Return the warnings the server reported, from {@code debugInfo.warnings} and a
	 * top-level {@code warnings} array.
	 * @return the warnings, possibly empty
	 */
	public List<FairComWarning> warnings() {
		return this.warnings;
	}

	/**
	 * Return the {@code debugInfo} the server added (when {@code debug} is not
	 * {@code none}, and in some error answers).
	 * @return the debug information or {@code null}
	 */
	public @Nullable JsonNode debugInfo() {
		return this.debugInfo;
	}

	/**
	 * Return the session that carried the call. Its {@code toString()} masks the token.
	 * @return the session whose token the call was sent with, or {@code null} for a call
	 * sent without a session ({@code createSession}, a server ping)
	 */
	public @Nullable FairComSession session() {
		return this.session;
	}

	/**
	 * Return the {@code authToken} at the top level of the answer, where older servers put
	 * the token of a new session. Treat it as a secret.
	 * @return the token, or {@code null} if the answer has none
	 */
	public @Nullable String authToken() {
		return this.authToken;
	}

	private FairComMappingException mappingFailed(String typeName, JacksonException ex) {
		return FairComExceptionTranslator.mappingFailed(this, "the result of", typeName, ex.getOriginalMessage(), ex);
	}

	@Override
	public String toString() {
		return "FairComResponse[api=" + this.api + ", action=" + this.action + ", requestId=" + this.requestId
				+ ", errorCode=" + this.errorCode + ", httpStatus=" + this.httpStatus + "]";
	}

}
