package io.github.faircomclient.session;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin session actions: how {@code createSession}, {@code pingSession} and
 * {@code deleteSession} are asked for and what their answers mean.
 */
final class SessionActions {

	static final String ADMIN_API = "admin";

	/**
	 * The idle timeout FairCom applies when a server does not report one.
	 */
	static final Duration SERVER_DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(3600);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final FairComRequest PING_SESSION = FairComRequest.builder("pingSession").api(ADMIN_API).build();

	private static final FairComRequest DELETE_SESSION = FairComRequest.builder("deleteSession")
		.api(ADMIN_API)
		.build();

	private SessionActions() {
	}

	/**
	 * Log in with {@code createSession}.
	 * @param username the account, or {@code null} for the client certificate
	 * @param password the password, or {@code null}
	 * @param now when the session is obtained
	 * @return the new session
	 * @throws io.github.faircomclient.FairComAuthenticationException if the server refuses
	 */
	static FairComSession createSession(FairComSessionClient client, @Nullable String username,
			@Nullable String password, FairComSessionSettings settings, Duration timeout, Instant now) {
		FairComResponse response = client.send(createSessionRequest(username, password, settings), null, timeout);
		if (!response.isSuccess()) {
			throw FairComExceptionTranslator.loginFailed(response);
		}
		return readSession(response, settings, now);
	}

	/**
	 * Keep a session alive with {@code pingSession}.
	 * @return {@code true} if the session is alive, {@code false} if the server reports it
	 * gone
	 */
	static boolean pingSession(FairComSessionClient client, FairComSession session, Duration timeout) {
		FairComResponse response = client.send(PING_SESSION, session, timeout);
		if (response.isSessionGone()) {
			return false;
		}
		if (!response.isSuccess()) {
			throw FairComExceptionTranslator.actionFailed(response, FairComErrorCodes.documented());
		}
		return true;
	}

	/**
	 * Delete a session with {@code deleteSession}, once, outside the connection pool. A
	 * server that no longer knows the session counts as success.
	 */
	static void deleteSession(FairComSessionClient client, FairComSession session, Duration timeout) {
		FairComResponse response = client.sendOutsidePool(DELETE_SESSION, session, timeout);
		if (!response.isSuccess() && !response.isSessionGone()) {
			throw FairComExceptionTranslator.actionFailed(response, FairComErrorCodes.documented());
		}
	}

	static FairComRequest createSessionRequest(@Nullable String username, @Nullable String password,
			FairComSessionSettings settings) {
		ObjectNode params = NODES.objectNode();
		if (username != null) {
			params.put("username", username);
			params.put("password", (password != null) ? password : "");
		}
		params.setAll(settings.toParams());
		return FairComRequest.builder("createSession").api(ADMIN_API).params(params).build();
	}

	static FairComSession readSession(FairComResponse response, FairComSessionSettings settings, Instant now) {
		JsonNode result = response.result();
		String token = text(result, "authToken");
		if (token == null) {
			token = response.authToken();
		}
		if (token == null) {
			throw FairComExceptionTranslator.sessionWithoutToken(response);
		}
		Duration idleTimeout = readIdleTimeout(result, settings);
		boolean permanent = isTrue(result.get("permanentSession"));
		return new FairComSession(token, text(result, "username"), idleTimeout, now, permanent, true,
				text(result, "serverVersion"));
	}

	private static Duration readIdleTimeout(JsonNode result, FairComSessionSettings settings) {
		JsonNode seconds = result.get("idleConnectionTimeoutSeconds");
		if (seconds != null && seconds.isIntegralNumber() && seconds.canConvertToInt() && seconds.intValue() >= 0) {
			return Duration.ofSeconds(seconds.intValue());
		}
		if (seconds != null && seconds.isString()) {
			try {
				int parsed = Integer.parseInt(seconds.stringValue().trim());
				if (parsed >= 0) {
					return Duration.ofSeconds(parsed);
				}
			}
			catch (NumberFormatException ex) {
				// not a number: as if absent
			}
		}
		return (settings.getIdleTimeout() != null) ? settings.getIdleTimeout() : SERVER_DEFAULT_IDLE_TIMEOUT;
	}

	private static boolean isTrue(@Nullable JsonNode node) {
		return node != null && (node.isBoolean() ? node.booleanValue()
				: node.isString() && "true".equalsIgnoreCase(node.stringValue().trim()));
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString() && !value.stringValue().isEmpty()) ? value.stringValue() : null;
	}

}
