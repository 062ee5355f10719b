package io.github.faircomclient.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.http.FairComHttpTransport.Answer;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
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
 * settings. Reading an answer is bounded: at most {@code maxValues} JSON values (and the
 * transport's byte limit), so that the tree of one answer takes a known amount of memory;
 * a larger answer is a {@link Kind#TOO_LARGE} protocol error. Immutable.
 */
final class FairComWireFormat {

	/**
	 * Sent when a request names no debug level, so that the server neither pretty-prints nor
	 * echoes the request (with its parameters, a password on createSession) in
	 * {@code debugInfo}, whatever the session's or server's {@code defaultDebug} is.
	 */
	private static final String DEBUG_NONE = "none";

	private static final int INVALID_AUTH_TOKEN = 12031;

	private static final int NO_VALID_SESSION = 60031;

	private static final int LEGACY_ERROR = -1;

	private static final String LEGACY_EXPIRED_MESSAGE = "authToken invalid or expired.";

	private final JsonMapper mapper;

	private final Clock clock;

	private final long maxValues;

	/**
	 * The last {@code Content-Type} parsed: a server sends the same one with every answer.
	 */
	private volatile ParsedContentType lastContentType = new ParsedContentType("", null);

	FairComWireFormat() {
		this(Clock.systemUTC(), FairComTemplateBuilder.DEFAULT_MAX_RESPONSE_VALUES, Integer.MAX_VALUE);
	}

	/**
	 * Create a new instance.
	 * @param clock the clock that dates a {@code Retry-After}
	 * @param maxValues the most JSON values an answer may hold
	 * @param maxStringLength the longest string value an answer may hold
	 */
	FairComWireFormat(Clock clock, long maxValues, long maxStringLength) {
		this.clock = clock;
		this.maxValues = maxValues;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxTokenCount(maxValues)
				.maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringLength))
				.build())
			.build();
		this.mapper = JsonMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	/**
	 * Convert request parameters or response options to the JSON object that is sent.
	 * @param value a {@link JsonNode}, a map or an object that serializes to an object
	 * @param name what the value is, for the message
	 * @return the JSON object, an empty one for {@code null}
	 * @throws IllegalArgumentException if the value does not serialize to a JSON object
	 */
	JsonNode toObject(@Nullable Object value, String name) {
		if (value == null) {
			return this.mapper.createObjectNode();
		}
		JsonNode node = (value instanceof JsonNode json) ? json : this.mapper.valueToTree(value);
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("'" + name + "' must serialize to a JSON object");
		}
		return node;
	}

	/**
	 * Write the envelope straight into bytes, fields in this order: requestId, api,
	 * apiVersion, action, params, responseOptions, debug, authToken.
	 */
	byte[] encode(FairComRequest request, JsonNode params, @Nullable JsonNode responseOptions, String requestId,
			@Nullable String authToken) {
		return this.mapper.writeValueAsBytes(new Envelope(request, params, responseOptions, requestId, authToken));
	}

	/**
	 * Decode an answer straight from its body stream. An answer that is not a valid JSON
	 * action answer for this request is a {@link io.github.faircomclient.FairComProtocolException}
	 * (or, for HTTP 429/503 and 401/403 without JSON, a busy or refused one), and its
	 * connection is discarded.
	 * @param request the request
	 * @param requestId the requestId it was sent with
	 * @param answer the open answer
	 * @param session the session it was sent with, if any
	 * @param secrets what masks the secrets in the server's texts, with the session's token
	 * and the password-like values of the params added when a text has to be cleaned
	 * @param params the request's parameters as sent
	 * @param echoRequired whether an answer without the requestId is refused (once the
	 * server has shown that it echoes them)
	 * @return the answer
	 * @throws IOException if reading the body fails, rethrown as it is for the transport
	 */
	Decoded decode(FairComRequest request, String requestId, Answer answer, @Nullable FairComSession session,
			ServerText secrets, @Nullable JsonNode params, boolean echoRequired) throws IOException {
		int status = answer.statusCode();
		HttpHeaders headers = answer.headers();
		AnswerStream body = new AnswerStream(answer.body());
		MediaType contentType = contentType(headers);
		if (isHtml(contentType)) {
			throw notAnAnswer(body.isBlankAfterDraining() ? Kind.EMPTY_BODY : Kind.HTML_PAGE, request, requestId,
					answer, body, contentType, "", null);
		}
		JsonNode root;
		try (JsonParser parser = this.mapper.createParser(body)) {
			StreamedField streamed = (request.readField() != null) ? new StreamedField(request) : null;
			root = (streamed != null) ? readEnvelope(parser, streamed) : this.mapper.readTree(parser);
			if (root != null && root.isObject()) {
				Decoded decoded = read(request, requestId, answer, root, session, secrets, params, echoRequired,
						body, contentType, streamed);
				if (parser.nextToken() != null) {
					throw notAnAnswer(Kind.NOT_JSON, request, requestId, answer, body, contentType,
							", data after the JSON object", null);
				}
				return decoded;
			}
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (StreamConstraintsException ex) {
			answer.discardConnection();
			throw FairComExceptionTranslator.protocolError(Kind.TOO_LARGE, FairComFailureKind.INVALID_ANSWER, request,
					requestId, status, "more than " + this.maxValues + " JSON values (faircom.max-response-values) or "
							+ "a string longer than faircom.max-response-size; read large results with a cursor", ex);
		}
		catch (JacksonException ex) {
			Kind kind = (ex instanceof UnexpectedEndOfInputException) ? Kind.TRUNCATED : Kind.NOT_JSON;
			throw notAnAnswer(kind, request, requestId, answer, body, contentType, where(ex), ex);
		}
		throw notAnAnswer(Kind.NOT_AN_OBJECT, request, requestId, answer, body, contentType, "", null);
	}

	/**
	 * Read the envelope as a tree, except one field of its result, which the request's
	 * reader reads from the stream.
	 */
	private @Nullable JsonNode readEnvelope(JsonParser parser, StreamedField streamed) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_OBJECT) {
			return (first != null) ? this.mapper.readTree(parser) : null;
		}
		ObjectNode root = this.mapper.createObjectNode();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			root.set(name, ("result".equals(name) && parser.currentToken() == JsonToken.START_OBJECT)
					? readResult(parser, streamed) : this.mapper.readTree(parser));
		}
		return root;
	}

	private ObjectNode readResult(JsonParser parser, StreamedField streamed) {
		ObjectNode result = this.mapper.createObjectNode();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if (name.equals(streamed.name())) {
				streamed.read(parser);
			}
			else if (streamed.skips(name)) {
				parser.skipChildren();
			}
			else {
				result.set(name, this.mapper.readTree(parser));
			}
		}
		return result;
	}

	private Decoded read(FairComRequest request, String requestId, Answer answer, JsonNode root,
			@Nullable FairComSession session, ServerText secrets, @Nullable JsonNode params, boolean echoRequired,
			AnswerStream body,
			@Nullable MediaType contentType, @Nullable StreamedField streamed) throws IOException {
		JsonNode echoed = root.get("requestId");
		boolean echoPresent = echoed != null && !echoed.isNull();
		if ((echoPresent && !(echoed.isString() && requestId.equals(echoed.stringValue())))
				|| (!echoPresent && echoRequired)) {
			answer.discardConnection();
			body.drain();
			throw FairComExceptionTranslator.protocolError(Kind.REQUEST_ID_MISMATCH, FairComFailureKind.ANSWER_LOST,
					request, requestId, answer.statusCode(), describe(contentType, body.length())
							+ ((echoPresent) ? "" : ", no requestId although the server echoes them"),
					null);
		}
		Integer errorCode = readInt(root.get("errorCode"));
		if (errorCode == null) {
			throw notAnAnswer(Kind.MISSING_ERROR_CODE, request, requestId, answer, body, contentType, "", null);
		}
		JsonNode result = root.get("result");
		if (result == null || result.isNull() || result.isMissingNode()) {
			result = this.mapper.createObjectNode();
		}
		String rawMessage = textValue(root, "errorMessage");
		JsonNode debugInfo = root.get("debugInfo");
		JsonNode topWarnings = root.get("warnings");
		ServerText text = null;
		if (rawMessage != null || (debugInfo != null && !debugInfo.isNull()) || topWarnings != null) {
			text = secrets.forCall((session != null) ? session.getToken() : null, params);
		}
		List<FairComWarning> warnings = readWarnings(topWarnings, List.of(), text);
		if (debugInfo != null && !debugInfo.isNull()) {
			warnings = readWarnings(debugInfo.get("warnings"), warnings, text);
			text.maskIn(debugInfo);
		}
		else {
			debugInfo = null;
		}
		String errorMessage = (rawMessage != null) ? text.clean(rawMessage) : null;
		boolean sessionGone = isSessionGone(errorCode, (rawMessage != null) ? rawMessage : "");
		FairComResponse response = new FairComResponse(request.api(), request.action(), requestId,
				answer.statusCode(), errorCode, (errorMessage != null) ? errorMessage : "", result, warnings,
				debugInfo, textValue(root, "authToken"), session, sessionGone,
				(streamed != null) ? streamed.value() : null, this.mapper);
		if (streamed != null && streamed.failed() && errorCode == 0) {
			return new Decoded(null, echoPresent, streamed.mappingFailed(response));
		}
		return new Decoded(response, echoPresent, null);
	}

	/**
	 * Whether an answer says that the session it was sent with is gone. FairCom spells it
	 * three ways: {@code 12031} (current servers, in a 200 or a 401 answer), {@code 60031}
	 * and, on legacy servers, {@code -1} with the message "authToken invalid or expired.". A
	 * {@code 12031} warning in a successful answer is not an expiry.
	 */
	static boolean isSessionGone(int errorCode, String errorMessage) {
		return switch (errorCode) {
			case INVALID_AUTH_TOKEN, NO_VALID_SESSION -> true;
			case LEGACY_ERROR -> LEGACY_EXPIRED_MESSAGE.equalsIgnoreCase(errorMessage.trim());
			default -> false;
		};
	}

	/**
	 * The exception for a body that is not a JSON action answer, its connection discarded
	 * and its body read to the end so that its length can be reported: HTTP 429 and 503 ask
	 * the client to come back later, 401 and 403 come from something in front of FairCom,
	 * anything else is a protocol error. A proxy's 5xx page, an empty or cut-off body mean
	 * the real answer was lost.
	 */
	private FairComException notAnAnswer(Kind kind, FairComRequest request, String requestId, Answer answer,
			AnswerStream body, @Nullable MediaType contentType, String where, @Nullable Throwable cause)
			throws IOException {
		answer.discardConnection();
		body.drain();
		int status = answer.statusCode();
		String detail = describe(contentType, body.length());
		if (status == 429 || status == 503) {
			Duration retryAfter = RetryAfter.parse(answer.headers().getFirst("Retry-After"), this.clock.instant());
			return FairComExceptionTranslator.serverBusy(request, requestId, status, retryAfter);
		}
		if (status == 401 || status == 403) {
			return FairComExceptionTranslator.refusedByProxy(request, requestId, status, detail);
		}
		Kind seen = (body.isBlank()) ? Kind.EMPTY_BODY
				: (body.startsWithTag() && kind != Kind.HTML_PAGE && kind != Kind.TRUNCATED) ? Kind.HTML_PAGE : kind;
		boolean lost = seen == Kind.EMPTY_BODY || seen == Kind.TRUNCATED
				|| ((seen == Kind.NOT_JSON || seen == Kind.HTML_PAGE) && status >= 500);
		boolean quoteWhere = seen != Kind.EMPTY_BODY && seen != Kind.HTML_PAGE;
		return FairComExceptionTranslator.protocolError(seen,
				(lost) ? FairComFailureKind.ANSWER_LOST : FairComFailureKind.INVALID_ANSWER, request, requestId, status,
				detail + ((quoteWhere) ? where : ""), cause);
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

	private static @Nullable String textValue(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString() && !value.stringValue().isEmpty()) ? value.stringValue() : null;
	}

	/**
	 * Return the given warnings followed by those of a {@code warnings} array, if any.
	 */
	private static List<FairComWarning> readWarnings(@Nullable JsonNode warnings, List<FairComWarning> earlier,
			@Nullable ServerText text) {
		if (warnings == null || !warnings.isArray() || warnings.isEmpty()) {
			return earlier;
		}
		List<FairComWarning> into = new ArrayList<>(earlier);
		for (JsonNode warning : warnings) {
			if (!warning.isObject()) {
				continue;
			}
			Integer code = readInt(warning.has("code") ? warning.get("code") : warning.get("warningCode"));
			String raw = textValue(warning, warning.has("message") ? "message" : "warningMessage");
			String message = (raw != null && text != null) ? text.clean(raw) : raw;
			JsonNode data = warning.get("warningData");
			if (data == null) {
				data = warning.get("data");
			}
			into.add(new FairComWarning((code != null) ? code : 0, (message != null) ? message : "",
					(data != null && !data.isNull()) ? ((text != null) ? text.masked(data) : data) : null));
		}
		return into;
	}

	private @Nullable MediaType contentType(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (value == null || value.isEmpty()) {
			return null;
		}
		ParsedContentType last = this.lastContentType;
		if (last.value().equals(value)) {
			return last.mediaType();
		}
		MediaType parsed;
		try {
			parsed = MediaType.parseMediaType(value);
		}
		catch (RuntimeException ex) {
			parsed = null;
		}
		this.lastContentType = new ParsedContentType(value, parsed);
		return parsed;
	}

	private record ParsedContentType(String value, @Nullable MediaType mediaType) {

	}

	private static String describe(@Nullable MediaType contentType, long length) {
		return "Content-Type " + ((contentType != null) ? contentType.toString() : "none") + ", " + length + " bytes";
	}

	private static boolean isHtml(@Nullable MediaType contentType) {
		return contentType != null && (MediaType.TEXT_HTML.includes(contentType)
				|| MediaType.APPLICATION_XHTML_XML.includes(contentType));
	}

	/**
	 * A decoded answer and whether it echoed the requestId, or why it could not be
	 * decoded: handed back rather than thrown, so that the HTTP exchange itself is not
	 * recorded as failed.
	 */
	record Decoded(@Nullable FairComResponse responseOrNull, boolean requestIdEchoed,
			@Nullable FairComException failure) {

		static Decoded failed(FairComException failure) {
			return new Decoded(null, false, failure);
		}

		FairComResponse response() {
			FairComResponse response = this.responseOrNull;
			if (response == null) {
				throw new IllegalStateException("No answer");
			}
			return response;
		}

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

		boolean isBlankAfterDraining() throws IOException {
			drain();
			return isBlank();
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
