package io.github.faircomclient.test;

import java.util.List;
import java.util.Locale;

import io.github.faircomclient.test.CompatibilityProfile.SessionGoneAnswer;
import io.github.faircomclient.test.CompatibilityProfile.TokenPlacement;
import io.github.faircomclient.test.spi.ActionDefinition.DebugInfoPolicy;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Warning;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that writes the jsonAction response envelope: {@code requestId} echo (verbatim, any JSON
 * type), {@code authToken}, {@code result}, {@code errorCode}, {@code errorMessage} and {@code debugInfo},
 * pretty-printed when debug is not {@code none}; plus the profile's invalid-session answers.
 */
final class ResponseEnvelope {

	/** FairCom's code for a token that matches no session. */
	static final int SESSION_GONE_CODE = 12031;

	/** FairCom's errorMessage for code 12031. */
	static final String SESSION_GONE_MESSAGE = "'authToken' does not match any existing session. Use a valid 'authToken' or use 'createSession' to create a valid 'authToken'.";

	/** FairCom's warning text for deleteSession of an unknown token. */
	static final String SESSION_GONE_WARNING = "'authToken' does not match any existing session. Use a valid 'authToken'.";

	/** The legacy invalid-session code. */
	static final int LEGACY_CODE = -1;

	/** The legacy invalid-session message. */
	static final String LEGACY_MESSAGE = "authToken invalid or expired.";

	private static final String LEGACY_SCHEMA = "faircom.com/schemas/db";

	private static final List<String> LEGACY_ECHO = List.of("requestId", "authToken", "api", "apiVersion", "action", "params");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String MASK = "********";

	private ResponseEnvelope() {
	}

	/**
	 * Renders an answer.
	 * @param request the request object, or {@code null} when the body was no JSON object
	 * @param policy the action's debugInfo policy
	 * @param result what the handler answered
	 * @param debug the effective debug level
	 * @param profile the compatibility profile
	 * @param responseOptions the effective response options (for {@code omit}), or {@code null}
	 * @return the HTTP status and body
	 */
	static Answer render(@Nullable ObjectNode request, DebugInfoPolicy policy, ActionResult result, String debug,
			CompatibilityProfile profile, @Nullable JsonNode responseOptions) {
		boolean pretty = !"none".equals(debug);
		if (result.isSessionGone() && profile.sessionGoneAnswer() == SessionGoneAnswer.LEGACY_MINUS_1) {
			return new Answer(200, write(legacySessionGone(request), pretty), LEGACY_CODE);
		}
		boolean sessionGone = result.isSessionGone();
		int errorCode = sessionGone ? SESSION_GONE_CODE : result.errorCode();
		String errorMessage = sessionGone ? SESSION_GONE_MESSAGE : result.errorMessage();
		boolean error = errorCode != 0;
		int status = (sessionGone && profile.sessionGoneAnswer() == SessionGoneAnswer.ERROR_12031_HTTP_401) ? 401
				: result.httpStatus();

		ObjectNode answer = NODES.objectNode();
		if (request != null && request.has("requestId")) {
			answer.set("requestId", request.get("requestId").deepCopy());
		}
		String newToken = result.authToken();
		if (newToken != null) {
			if (profile.tokenPlacement() == TokenPlacement.TOP_LEVEL_AND_RESULT) {
				answer.put("authToken", newToken);
			}
		}
		else if (request != null && request.path("authToken").isString()
				&& (policy == DebugInfoPolicy.STANDARD || error)) {
			answer.put("authToken", request.get("authToken").stringValue());
		}
		JsonNode resultNode = result.result();
		if (!error && resultNode != null) {
			answer.set("result", resultNode);
		}
		answer.put("errorCode", errorCode);
		answer.put("errorMessage", errorMessage);
		List<Warning> warnings = result.warnings();
		boolean debugging = !"none".equals(debug);
		boolean withDebugInfo = (policy == DebugInfoPolicy.STANDARD) ? (debugging || error || !warnings.isEmpty())
				: ((error && debugging) || !warnings.isEmpty());
		if (withDebugInfo && request != null) {
			ObjectNode debugInfo = answer.putObject("debugInfo");
			debugInfo.set("request", echo(request));
			result.debugInfo().forEach(debugInfo::set);
			if (!warnings.isEmpty()) {
				ArrayNode list = debugInfo.putArray("warnings");
				for (Warning warning : warnings) {
					list.addObject().put("code", warning.code()).put("message", warning.message());
				}
			}
		}
		if (responseOptions != null && responseOptions.path("omit").isArray()) {
			for (JsonNode omitted : responseOptions.get("omit")) {
				if (omitted.isString()) {
					answer.remove(omitted.stringValue());
				}
			}
		}
		return new Answer(status, write(answer, pretty), errorCode);
	}

	/**
	 * Renders a JSON error for a request that never reached an action (HTTP-level problems).
	 * @param status the HTTP status
	 * @param errorCode the code
	 * @param errorMessage the message
	 * @return the answer
	 */
	static Answer error(int status, int errorCode, String errorMessage) {
		ObjectNode answer = NODES.objectNode();
		answer.put("errorCode", errorCode);
		answer.put("errorMessage", errorMessage);
		return new Answer(status, write(answer, false), errorCode);
	}

	private static ObjectNode legacySessionGone(@Nullable ObjectNode request) {
		ObjectNode answer = NODES.objectNode();
		answer.put("schema", LEGACY_SCHEMA);
		if (request != null) {
			for (String name : LEGACY_ECHO) {
				if (request.has(name)) {
					answer.set(name, request.get(name).deepCopy());
				}
			}
		}
		answer.putObject("result");
		answer.putObject("debugInfo");
		answer.put("errorCode", LEGACY_CODE);
		answer.put("errorMessage", LEGACY_MESSAGE);
		return answer;
	}

	/**
	 * The request as echoed in {@code debugInfo.request}, with every {@code params} property whose name
	 * contains "password" (password, clonePassword) masked.
	 */
	static ObjectNode echo(ObjectNode request) {
		ObjectNode echo = request.deepCopy();
		if (echo.get("params") instanceof ObjectNode params) {
			for (String name : List.copyOf(params.propertyNames())) {
				if (name.toLowerCase(Locale.ROOT).contains("password")) {
					params.put(name, MASK);
				}
			}
		}
		return echo;
	}

	private static byte[] write(ObjectNode answer, boolean pretty) {
		return pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer)
				: Json.MAPPER.writeValueAsBytes(answer);
	}

	/**
	 * A rendered answer.
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @param errorCode the answer's errorCode
	 * @param action what was asked, {@code api/action} (for the request log), or {@code -} when unknown
	 */
	record Answer(int status, byte[] body, int errorCode, String action) {

		Answer(int status, byte[] body, int errorCode) {
			this(status, body, errorCode, "-");
		}

		Answer labelled(String label) {
			return new Answer(this.status, this.body, this.errorCode, label);
		}

	}

}
