package io.github.faircomclient.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.http.FairComHttpResponse;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionSettings;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one class that knows the FairCom JSON action envelope: it writes requests and reads
 * answers with its own fixed {@link JsonMapper}, unaffected by the application's Jackson
 * settings.
 */
final class FairComWireFormat {

	static final String ADMIN_API = "admin";

	static final String CREATE_SESSION = "createSession";

	static final String PING_SESSION = "pingSession";

	static final String DELETE_SESSION = "deleteSession";

	/**
	 * The idle timeout FairCom applies when a server does not report one.
	 */
	static final Duration SERVER_DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(3600);

	private static final String REDACTED = "******";

	/**
	 * Sent when a request names no debug level, so that the server neither pretty-prints nor
	 * echoes the request (with its parameters, a password on createSession) in
	 * {@code debugInfo}, whatever the session's or server's {@code defaultDebug} is.
	 */
	private static final String DEBUG_NONE = "none";

	private final JsonMapper mapper;

	private final Clock clock;

	FairComWireFormat() {
		this(Clock.systemUTC());
	}

	FairComWireFormat(Clock clock) {
		this.clock = clock;
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	/**
	 * Return the parameters of a request as the JSON object that is sent, converting them
	 * once for all attempts of a call.
	 * @throws IllegalArgumentException if they do not serialize to a JSON object
	 */
	JsonNode params(FairComRequest request) {
		return toObject(request.params(), "params");
	}

	byte[] encode(FairComRequest request, String requestId, @Nullable String authToken) {
		return encode(request, params(request), requestId, authToken);
	}

	/**
	 * Write the envelope straight into bytes, fields in this order: requestId, api,
	 * apiVersion, action, params, responseOptions, debug, authToken.
	 * @param params the request's parameters as returned by {@link #params(FairComRequest)}
	 */
	byte[] encode(FairComRequest request, JsonNode params, String requestId, @Nullable String authToken) {
		JsonNode responseOptions = (request.responseOptions() != null)
				? toObject(request.responseOptions(), "responseOptions") : null;
		return this.mapper.writeValueAsBytes(new Envelope(request, params, responseOptions, requestId, authToken));
	}

	boolean referencesSessionState(FairComRequest request) {
		if (request.params() == null) {
			return false;
		}
		JsonNode params = toObject(request.params(), "params");
		return hasValue(params, "cursorId") || hasValue(params, "transactionId");
	}

	/**
	 * Describe the session state a request continues, for messages: {@code cursor 'id'}
	 * or {@code transaction 'id'}.
	 */
	@Nullable String describeSessionState(FairComRequest request) {
		if (request.params() == null) {
			return null;
		}
		JsonNode params = toObject(request.params(), "params");
		if (hasValue(params, "cursorId")) {
			return "cursor '" + params.get("cursorId").asString() + "'";
		}
		if (hasValue(params, "transactionId")) {
			return "transaction '" + params.get("transactionId").asString() + "'";
		}
		return null;
	}

	boolean requestsCursor(FairComRequest request) {
		if (request.params() == null) {
			return false;
		}
		return requestsCursor(toObject(request.params(), "params"));
	}

	boolean requestsCursor(JsonNode params) {
		return isTrue(params.get("returnCursor"));
	}

	FairComRequest createSessionRequest(@Nullable String username, @Nullable String password,
			FairComSessionSettings settings) {
		ObjectNode params = this.mapper.createObjectNode();
		if (username != null) {
			params.put("username", username);
			params.put("password", (password != null) ? password : "");
		}
		putIfSet(params, "description", settings.getDescription());
		putIfSet(params, "defaultApi", settings.getDefaultApi());
		putIfSet(params, "defaultDatabaseName", settings.getDefaultDatabase());
		putIfSet(params, "defaultOwnerName", settings.getDefaultOwner());
		if (settings.getIdleTimeout() != null) {
			params.put("idleConnectionTimeoutSeconds", seconds(settings.getIdleTimeout()));
		}
		if (settings.getCursorIdleTimeout() != null) {
			params.put("idleCursorTimeoutSeconds", seconds(settings.getCursorIdleTimeout()));
		}
		return FairComRequest.builder(CREATE_SESSION).api(ADMIN_API).params(params).build();
	}

	FairComRequest sessionRequest(String action) {
		return FairComRequest.builder(action).api(ADMIN_API).build();
	}

	FairComSession readSession(FairComResponse response, FairComSessionSettings settings, Instant now) {
		JsonNode result = response.result();
		String token = text(result, "authToken");
		if (token == null) {
			token = response.authToken();
		}
		if (token == null) {
			throw FairComExceptionTranslator.protocolError(Kind.MISSING_AUTH_TOKEN, response.api(), response.action(),
					response.requestId(), response.httpStatus(), "", null);
		}
		Duration idleTimeout = readIdleTimeout(result, settings);
		boolean permanent = isTrue(result.get("permanentSession"));
		return new FairComSession(token, text(result, "username"), idleTimeout, now, permanent, true,
				text(result, "serverVersion"));
	}

	FairComResponse decode(FairComRequest request, String requestId, FairComHttpResponse http,
			@Nullable FairComSession session) {
		try {
			return decode(request, requestId, http.statusCode(), http.headers(), new ByteArrayInputStream(http.body()),
					session);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Decode an answer straight from its body stream. The stream is read to its end, or
	 * until an error shows: an answer that is not a JSON action response is read to its
	 * end so that its length can be reported.
	 * @throws IOException if reading the body fails, rethrown as it is
	 */
	FairComResponse decode(FairComRequest request, String requestId, int status, HttpHeaders headers,
			InputStream in, @Nullable FairComSession session) throws IOException {
		String authToken = (session != null) ? session.getToken() : null;
		AnswerStream body = new AnswerStream(in);
		MediaType contentType = contentType(headers);
		if (isHtml(contentType)) {
			body.drain();
			throw invalid(body.isBlank() ? Kind.EMPTY_BODY : Kind.HTML_PAGE, request, requestId, status, headers,
					describe(contentType, body.length()));
		}
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			body.drain();
			Kind kind = (ex instanceof UnexpectedEndOfInputException) ? Kind.TRUNCATED : Kind.NOT_JSON;
			throw invalid(body.isBlank() ? Kind.EMPTY_BODY : body.startsWithTag() ? Kind.HTML_PAGE : kind, request,
					requestId, status, headers,
					describe(contentType, body.length()) + (body.isBlank() || body.startsWithTag() ? "" : where(ex)));
		}
		if (root == null || root.isMissingNode() || !root.isObject()) {
			body.drain();
			throw invalid(body.isBlank() ? Kind.EMPTY_BODY : Kind.NOT_AN_OBJECT, request, requestId, status, headers,
					describe(contentType, body.length()));
		}
		Integer errorCode = readInt(root.get("errorCode"));
		if (errorCode == null) {
			body.drain();
			throw invalid(Kind.MISSING_ERROR_CODE, request, requestId, status, headers,
					describe(contentType, body.length()));
		}
		JsonNode echoedRequestId = root.get("requestId");
		if (echoedRequestId != null && !echoedRequestId.isNull()
				&& !(echoedRequestId.isString() && requestId.equals(echoedRequestId.stringValue()))) {
			body.drain();
			throw protocolError(Kind.REQUEST_ID_MISMATCH, request, requestId, status,
					describe(contentType, body.length()), null);
		}
		JsonNode result = root.get("result");
		if (result == null || result.isNull() || result.isMissingNode()) {
			result = this.mapper.createObjectNode();
		}
		String errorMessage = redact(text(root, "errorMessage"), authToken);
		JsonNode debugInfo = root.get("debugInfo");
		List<FairComWarning> warnings = readWarnings(root.get("warnings"), List.of());
		if (debugInfo != null) {
			warnings = readWarnings(debugInfo.get("warnings"), warnings);
		}
		return new FairComResponse(request.api(), request.action(), requestId, status, errorCode,
				(errorMessage != null) ? errorMessage : "", result, warnings,
				(debugInfo != null && !debugInfo.isNull()) ? debugInfo : null, text(root, "authToken"), session, this.mapper);
	}

	/**
	 * The exception for an answer that is not a JSON action response: HTTP 429 and 503
	 * ask the client to come back later, anything else is a protocol error.
	 */
	private FairComException invalid(Kind kind, FairComRequest request, String requestId, int status,
			HttpHeaders headers, String detail) {
		if (status == 429 || status == 503) {
			Duration retryAfter = RetryAfter.parse(headers.getFirst("Retry-After"), this.clock.instant());
			return FairComExceptionTranslator.serverBusy(request.api(), request.action(), requestId, status,
					retryAfter);
		}
		return protocolError(kind, request, requestId, status, detail, null);
	}

	/**
	 * Where parsing failed, without the parser's message: it may quote the answer.
	 */
	private static String where(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null) {
			return "";
		}
		return ", parsing failed at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private JsonNode toObject(@Nullable Object value, String name) {
		if (value == null) {
			return this.mapper.createObjectNode();
		}
		JsonNode node = (value instanceof JsonNode json) ? json : this.mapper.valueToTree(value);
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("'" + name + "' must serialize to a JSON object");
		}
		return node;
	}

	private static boolean hasValue(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value != null && !value.isNull() && !(value.isString() && value.stringValue().isEmpty());
	}

	private static void putIfSet(ObjectNode node, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			node.put(name, value);
		}
	}

	private static long seconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

	private static Duration readIdleTimeout(JsonNode result, FairComSessionSettings settings) {
		Integer seconds = readInt(result.get("idleConnectionTimeoutSeconds"));
		if (seconds != null && seconds >= 0) {
			return Duration.ofSeconds(seconds);
		}
		return (settings.getIdleTimeout() != null) ? settings.getIdleTimeout() : SERVER_DEFAULT_IDLE_TIMEOUT;
	}

	private static @Nullable Integer readInt(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToInt()) {
			return node.intValue();
		}
		if (node.isString()) {
			try {
				return Integer.valueOf(node.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static boolean isTrue(@Nullable JsonNode node) {
		return node != null && (node.isBoolean() ? node.booleanValue()
				: node.isString() && "true".equalsIgnoreCase(node.stringValue().trim()));
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString() && !value.stringValue().isEmpty()) ? value.stringValue() : null;
	}

	/**
	 * Return the given warnings followed by those of a {@code warnings} array, if any.
	 */
	private static List<FairComWarning> readWarnings(@Nullable JsonNode warnings, List<FairComWarning> earlier) {
		if (warnings == null || !warnings.isArray() || warnings.isEmpty()) {
			return earlier;
		}
		List<FairComWarning> into = new ArrayList<>(earlier);
		for (JsonNode warning : warnings) {
			if (!warning.isObject()) {
				continue;
			}
			Integer code = readInt(warning.has("code") ? warning.get("code") : warning.get("warningCode"));
			String message = text(warning, warning.has("message") ? "message" : "warningMessage");
			JsonNode data = warning.get("warningData");
			if (data == null) {
				data = warning.get("data");
			}
			into.add(new FairComWarning((code != null) ? code : 0, (message != null) ? message : "",
					(data != null && !data.isNull()) ? data : null));
		}
		return into;
	}

	private static @Nullable String redact(@Nullable String message, @Nullable String authToken) {
		if (message == null || authToken == null || authToken.isEmpty()) {
			return message;
		}
		return message.replace(authToken, REDACTED);
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String describe(@Nullable MediaType contentType, long length) {
		return "Content-Type " + ((contentType != null) ? contentType.toString() : "none") + ", " + length + " bytes";
	}

	private static boolean isHtml(@Nullable MediaType contentType) {
		return contentType != null && (MediaType.TEXT_HTML.includes(contentType)
				|| MediaType.APPLICATION_XHTML_XML.includes(contentType));
	}

	private static FairComProtocolException protocolError(Kind kind, FairComRequest request, String requestId,
			int status, String detail, @Nullable Throwable cause) {
		return FairComExceptionTranslator.protocolError(kind, request.api(), request.action(), requestId, status,
				detail, cause);
	}

	/**
	 * The body of an answer as the parser reads it: counts its bytes and remembers its
	 * first byte that is not whitespace, for the checks and messages of answers that are
	 * not JSON action responses. Closing it leaves the body open for the transport.
	 */
	private static final class AnswerStream extends InputStream {

		private static final int NONE = -1;

		private final InputStream in;

		private long length;

		private int first = NONE;

		AnswerStream(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int read = this.in.read();
			if (read != -1) {
				this.length++;
				if (this.first == NONE && !Character.isWhitespace((byte) read)) {
					this.first = read;
				}
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) throws IOException {
			int read = this.in.read(buffer, offset, count);
			if (read > 0) {
				this.length += read;
				for (int i = offset; this.first == NONE && i < offset + read; i++) {
					if (!Character.isWhitespace(buffer[i])) {
						this.first = buffer[i] & 0xFF;
					}
				}
			}
			return read;
		}

		@Override
		public void close() {
		}

		void drain() throws IOException {
			byte[] buffer = new byte[1024];
			while (read(buffer, 0, buffer.length) != -1) {
				// read to the end
			}
		}

		long length() {
			return this.length;
		}

		boolean isBlank() {
			return this.first == NONE;
		}

		boolean startsWithTag() {
			return this.first == '<';
		}

	}

	/**
	 * The request envelope, written field by field without building a tree first.
	 */
	private static final class Envelope extends JacksonSerializable.Base {

		private final FairComRequest request;

		private final JsonNode params;

		private final @Nullable JsonNode responseOptions;

		private final String requestId;

		private final @Nullable String authToken;

		Envelope(FairComRequest request, JsonNode params, @Nullable JsonNode responseOptions, String requestId,
				@Nullable String authToken) {
			this.request = request;
			this.params = params;
			this.responseOptions = responseOptions;
			this.requestId = requestId;
			this.authToken = authToken;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializationContext context) {
			generator.writeStartObject();
			generator.writeStringProperty("requestId", this.requestId);
			if (this.request.api() != null) {
				generator.writeStringProperty("api", this.request.api());
			}
			if (this.request.apiVersion() != null) {
				generator.writeStringProperty("apiVersion", this.request.apiVersion());
			}
			generator.writeStringProperty("action", this.request.action());
			generator.writeName("params");
			this.params.serialize(generator, context);
			if (this.responseOptions != null) {
				generator.writeName("responseOptions");
				this.responseOptions.serialize(generator, context);
			}
			generator.writeStringProperty("debug", (this.request.debug() != null) ? this.request.debug() : DEBUG_NONE);
			if (this.authToken != null) {
				generator.writeStringProperty("authToken", this.authToken);
			}
			generator.writeEndObject();
		}

		@Override
		public void serializeWithType(JsonGenerator generator, SerializationContext context,
				TypeSerializer typeSerializer) {
			serialize(generator, context);
		}

	}

}
