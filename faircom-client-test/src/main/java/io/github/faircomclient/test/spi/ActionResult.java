package io.github.faircomclient.test.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler answers: the {@code result} (or none), {@code errorCode}/{@code errorMessage}, warnings
 * and extra {@code debugInfo} members. The emulator wraps it in the response envelope. Immutable.
 */
public final class ActionResult {

	private static final ActionResult SESSION_GONE = new ActionResult(null, 12031, "", List.of(), Map.of(), 200, null, true);

	private final @Nullable JsonNode result;

	private final int errorCode;

	private final String errorMessage;

	private final List<Warning> warnings;

	private final Map<String, JsonNode> debugInfo;

	private final int httpStatus;

	private final @Nullable String authToken;

	private final boolean sessionGone;

	private ActionResult(@Nullable JsonNode result, int errorCode, String errorMessage, List<Warning> warnings,
			Map<String, JsonNode> debugInfo, int httpStatus, @Nullable String authToken, boolean sessionGone) {
		this.result = result;
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.warnings = warnings;
		this.debugInfo = debugInfo;
		this.httpStatus = httpStatus;
		this.authToken = authToken;
		this.sessionGone = sessionGone;
	}

	/**
	 * Success with a {@code result} object.
	 * @param result the result
	 * @return the answer
	 */
	public static ActionResult success(JsonNode result) {
		return new ActionResult(Objects.requireNonNull(result, "result"), 0, "", List.of(), Map.of(), 200, null, false);
	}

	/**
	 * Success with an empty {@code result: {}}.
	 * @return the answer
	 */
	public static ActionResult success() {
		return success(JsonNodeFactory.instance.objectNode());
	}

	/**
	 * Success without a {@code result} property (as documented for closeCursor or commitTransaction).
	 * @return the answer
	 */
	public static ActionResult successWithoutResult() {
		return new ActionResult(null, 0, "", List.of(), Map.of(), 200, null, false);
	}

	/**
	 * An error: non-zero code, message, no {@code result}.
	 * @param errorCode the non-zero code
	 * @param errorMessage the message
	 * @return the answer
	 */
	public static ActionResult error(int errorCode, String errorMessage) {
		if (errorCode == 0) {
			throw new IllegalArgumentException("An error needs a non-zero code");
		}
		return new ActionResult(null, errorCode, Objects.requireNonNull(errorMessage, "errorMessage"), List.of(), Map.of(),
				200, null, false);
	}

	/**
	 * The answer for a token that matches no live session, rendered according to the emulator's
	 * compatibility profile (12031 in HTTP 200 or 401, or the legacy -1 answer).
	 * @return the answer
	 */
	public static ActionResult sessionGone() {
		return SESSION_GONE;
	}

	/**
	 * A copy with one more warning (which puts {@code debugInfo} into the answer).
	 * @param code the warning code
	 * @param message the warning text
	 * @return the new answer
	 */
	public ActionResult withWarning(int code, String message) {
		List<Warning> all = new ArrayList<>(this.warnings);
		all.add(new Warning(code, message));
		return new ActionResult(this.result, this.errorCode, this.errorMessage, List.copyOf(all), this.debugInfo,
				this.httpStatus, this.authToken, this.sessionGone);
	}

	/**
	 * A copy with an extra {@code debugInfo} member (e.g. {@code serverSuppliedValues}), shown when the
	 * answer has {@code debugInfo}.
	 * @param name the member name
	 * @param value the member value
	 * @return the new answer
	 */
	public ActionResult withDebugInfo(String name, JsonNode value) {
		Map<String, JsonNode> all = new LinkedHashMap<>(this.debugInfo);
		all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return new ActionResult(this.result, this.errorCode, this.errorMessage, this.warnings,
				Collections.unmodifiableMap(all), this.httpStatus, this.authToken, this.sessionGone);
	}

	/**
	 * A copy with another HTTP status.
	 * @param status the HTTP status
	 * @return the new answer
	 */
	public ActionResult withHttpStatus(int status) {
		return new ActionResult(this.result, this.errorCode, this.errorMessage, this.warnings, this.debugInfo, status,
				this.authToken, this.sessionGone);
	}

	/**
	 * A copy whose top-level {@code authToken} is the given one instead of the request's echo (createSession's
	 * new token; the profile decides whether it is shown).
	 * @param token the token
	 * @return the new answer
	 */
	public ActionResult withAuthToken(String token) {
		return new ActionResult(this.result, this.errorCode, this.errorMessage, this.warnings, this.debugInfo,
				this.httpStatus, Objects.requireNonNull(token, "token"), this.sessionGone);
	}

	/**
	 * The {@code result} value.
	 * @return the result, or {@code null} when the answer has none
	 */
	public @Nullable JsonNode result() {
		return this.result;
	}

	/**
	 * The error code.
	 * @return 0 on success
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * The error message.
	 * @return {@code ""} on success
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Whether this is an error answer.
	 * @return {@code true} when the code is non-zero
	 */
	public boolean isError() {
		return this.errorCode != 0;
	}

	/**
	 * The warnings.
	 * @return the warnings, possibly empty
	 */
	public List<Warning> warnings() {
		return this.warnings;
	}

	/**
	 * Extra {@code debugInfo} members.
	 * @return name to value, possibly empty
	 */
	public Map<String, JsonNode> debugInfo() {
		return this.debugInfo;
	}

	/**
	 * The HTTP status.
	 * @return the status, 200 unless changed
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The top-level token to send instead of the request's.
	 * @return the token or {@code null}
	 */
	public @Nullable String authToken() {
		return this.authToken;
	}

	/**
	 * Whether this is the invalid-session answer rendered per profile.
	 * @return {@code true} for {@link #sessionGone()}
	 */
	public boolean isSessionGone() {
		return this.sessionGone;
	}

	/**
	 * A result object builder helper.
	 * @return a new empty object node
	 */
	public static ObjectNode newObject() {
		return JsonNodeFactory.instance.objectNode();
	}

	@Override
	public String toString() {
		return "ActionResult[errorCode=" + this.errorCode + ", errorMessage=" + this.errorMessage + ", warnings="
				+ this.warnings + (this.sessionGone ? ", sessionGone" : "") + "]";
	}

}
