package io.github.faircomclient.core;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;

/**
 * One FairCom JSON action to run: {@code api}, {@code action}, {@code params} and the
 * optional envelope properties {@code responseOptions}, {@code debug} and
 * {@code apiVersion}, and an optional call timeout that replaces the template's for this
 * call. The session token and the {@code requestId} are added by the template.
 * <p>
 * A request that continues work the server keeps in a session (a transaction or a
 * cursor) can be {@linkplain Builder#boundTo(FairComSession) bound} to the session that
 * created that work ({@link FairComResponse#session()}): the template sends it with that
 * session's token, and refuses it with
 * {@link io.github.faircomclient.FairComSessionExpiredException}, without sending it, once
 * that session is no longer the current one.
 * <p>
 * {@code params} and {@code responseOptions} may be a Jackson {@link JsonNode}, a
 * {@link java.util.Map} or any object that serializes to a JSON object; they are
 * serialized when the request is sent. Instances are immutable as long as those values
 * are not changed afterwards. {@link #toString()} never shows the parameters.
 */
public final class FairComRequest {

	private final @Nullable String api;

	private final String action;

	private final @Nullable Object params;

	private final @Nullable Object responseOptions;

	private final @Nullable String debug;

	private final @Nullable String apiVersion;

	private final boolean idempotent;

	private final @Nullable Duration timeout;

	private final @Nullable FairComSession boundSession;

	private final @Nullable String readField;

	private final @Nullable FairComResultReader<?> fieldReader;

	private final Set<String> skippedFields;

	private FairComRequest(Builder builder) {
		this.api = builder.api;
		this.action = builder.action;
		this.params = (builder.params instanceof JsonNode node) ? node.deepCopy() : builder.params;
		this.responseOptions = (builder.responseOptions instanceof JsonNode node) ? node.deepCopy()
				: builder.responseOptions;
		this.debug = builder.debug;
		this.apiVersion = builder.apiVersion;
		this.idempotent = builder.idempotent;
		this.timeout = builder.timeout;
		this.boundSession = builder.boundSession;
		this.readField = builder.readField;
		this.fieldReader = builder.fieldReader;
		this.skippedFields = builder.skippedFields;
	}

	/**
	 * Create a request with parameters.
	 * @param api the api, e.g. {@code db} or {@code admin}
	 * @param action the action, e.g. {@code listDatabases}
	 * @param params the parameters or {@code null} for none
	 * @return the request
	 */
	public static FairComRequest of(String api, String action, @Nullable Object params) {
		return builder(action).api(api).params(params).build();
	}

	/**
	 * Return a builder for the given action.
	 * @param action the action, e.g. {@code listDatabases}
	 * @return the builder
	 */
	public static Builder builder(String action) {
		return new Builder(action);
	}

	/**
	 * Return the api of the action.
	 * @return the api or {@code null} to use the session's default api
	 */
	public @Nullable String api() {
		return this.api;
	}

	/**
	 * Return the name of the action.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Return the action's parameters.
	 * @return the parameters or {@code null} for none
	 */
	public @Nullable Object params() {
		return this.params;
	}

	/**
	 * Return the {@code responseOptions} of the request.
	 * @return the response options or {@code null} for the session's defaults
	 */
	public @Nullable Object responseOptions() {
		return this.responseOptions;
	}

	/**
	 * Return the {@code debug} level of the request ({@code none}, {@code max}).
	 * @return the debug level or {@code null} for {@code none}, which the template sends
	 * whatever the session's {@code defaultDebug} is
	 */
	public @Nullable String debug() {
		return this.debug;
	}

	/**
	 * Return the {@code apiVersion} of the request.
	 * @return the api version or {@code null} for the latest
	 */
	public @Nullable String apiVersion() {
		return this.apiVersion;
	}

	/**
	 * Return whether the caller declared that running this action twice does no harm, so
	 * that the template may retry it after a failure that leaves open whether the server
	 * ran it.
	 * @return whether the request may be retried like a read
	 * @see Builder#idempotent(boolean)
	 */
	public boolean isIdempotent() {
		return this.idempotent;
	}

	/**
	 * Return the total time this call may take, answer included.
	 * @return the timeout or {@code null} for the template's call timeout
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the session this request belongs to, if it is bound to one.
	 * @return the session whose transaction or cursor the request continues, or
	 * {@code null} if the request runs on whatever session is current
	 * @see Builder#boundTo(FairComSession)
	 */
	public @Nullable FairComSession boundSession() {
		return this.boundSession;
	}

	/**
	 * Return the field of the answer's {@code result} read straight from the stream.
	 * @return the field name, or {@code null} if the whole result is read as a tree
	 * @see Builder#readResultField(String, FairComResultReader)
	 */
	public @Nullable String readField() {
		return this.readField;
	}

	/**
	 * Return the reader of the {@linkplain #readField() field read from the stream}.
	 * @return the reader, or {@code null}
	 */
	public @Nullable FairComResultReader<?> fieldReader() {
		return this.fieldReader;
	}

	/**
	 * Return the fields of the answer's {@code result} skipped in the stream, neither read
	 * into the result tree nor mapped.
	 * @return the field names, empty if every field is read
	 * @see Builder#skipResultFields(String...)
	 */
	public Set<String> skippedFields() {
		return this.skippedFields;
	}

	@Override
	public String toString() {
		return "FairComRequest[api=" + this.api + ", action=" + this.action
				+ ((this.idempotent) ? ", idempotent" : "") + ((this.boundSession != null) ? ", bound" : "") + "]";
	}

	/**
	 * Builder for {@link FairComRequest}.
	 */
	public static final class Builder {

		private @Nullable String api;

		private final String action;

		private @Nullable Object params;

		private @Nullable Object responseOptions;

		private @Nullable String debug;

		private @Nullable String apiVersion;

		private boolean idempotent;

		private @Nullable Duration timeout;

		private @Nullable FairComSession boundSession;

		private @Nullable String readField;

		private @Nullable FairComResultReader<?> fieldReader;

		private Set<String> skippedFields = Set.of();

		private Builder(String action) {
			Assert.hasText(action, "'action' must not be empty");
			this.action = action;
		}

		/**
		 * Set the api of the action.
		 * @param api the api or {@code null} for the session's default
		 * @return this builder
		 */
		public Builder api(@Nullable String api) {
			this.api = api;
			return this;
		}

		/**
		 * Set the action's parameters.
		 * @param params a {@link JsonNode}, {@link java.util.Map} or object serializing to
		 * a JSON object; {@code null} for none
		 * @return this builder
		 */
		public Builder params(@Nullable Object params) {
			this.params = params;
			return this;
		}

		/**
		 * Set the {@code responseOptions}.
		 * @param responseOptions a {@link JsonNode}, {@link java.util.Map} or object
		 * serializing to a JSON object; {@code null} for the session's defaults
		 * @return this builder
		 */
		public Builder responseOptions(@Nullable Object responseOptions) {
			this.responseOptions = responseOptions;
			return this;
		}

		/**
		 * Set the {@code debug} level.
		 * @param debug {@code none}, {@code max} or {@code null} for {@code none}
		 * @return this builder
		 */
		public Builder debug(@Nullable String debug) {
			this.debug = debug;
			return this;
		}

		/**
		 * Set the {@code apiVersion}.
		 * @param apiVersion the version or {@code null} for the latest
		 * @return this builder
		 */
		public Builder apiVersion(@Nullable String apiVersion) {
			this.apiVersion = apiVersion;
			return this;
		}

		/**
		 * Declare that running this action twice does no harm (for example an update that
		 * sets fixed values, or a delete by id), so that the template may retry it after a
		 * dropped connection, a read timeout or a 5xx answer, where the server may or may
		 * not have run it. Reads are retried without this; writes, DDL and actions the
		 * client does not know are retried only with it. It does not make
		 * {@code getRecordsFromCursor}, calls with {@code returnCursor},
		 * {@code createSession} or {@code deleteSession} retryable.
		 * @param idempotent whether the action may be retried like a read
		 * @return this builder
		 */
		public Builder idempotent(boolean idempotent) {
			this.idempotent = idempotent;
			return this;
		}

		/**
		 * Set the total time this call may take, answer included, instead of the
		 * template's call timeout.
		 * @param timeout a positive duration or {@code null} for the template's
		 * @return this builder
		 */
		public Builder timeout(@Nullable Duration timeout) {
			Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()),
					"'timeout' must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Bind the request to the session that created the transaction or cursor it
		 * continues, as told by {@link FairComResponse#session()} of the call that created
		 * it. The template sends a bound request with that session's token, never with a
		 * newer one: if the session is no longer the template's current one (it expired,
		 * and perhaps another call logged in again), the request is refused with
		 * {@link io.github.faircomclient.FairComSessionExpiredException} without being
		 * sent, and it is never replayed on a new session.
		 * @param session the session or {@code null} for the current session
		 * @return this builder
		 */
		public Builder boundTo(@Nullable FairComSession session) {
			this.boundSession = session;
			return this;
		}

		/**
		 * Read one field of the answer's {@code result} with the given reader straight
		 * from the stream instead of into the result tree, e.g. the {@code data} records
		 * of a query into Java objects. The value is in
		 * {@link FairComResponse#readField()}; the rest of the result stays in
		 * {@link FairComResponse#result()}.
		 * @param field the name of the field in the result
		 * @param reader reads it
		 * @return this builder
		 */
		public Builder readResultField(String field, FairComResultReader<?> reader) {
			Assert.hasText(field, "'field' must not be empty");
			Assert.notNull(reader, "'reader' must not be null");
			this.readField = field;
			this.fieldReader = reader;
			return this;
		}

		/**
		 * Skip fields of the answer's {@code result} that a request reading a
		 * {@linkplain #readResultField(String, FairComResultReader) field from the stream}
		 * does not need (e.g. the {@code fields} metadata of a typed read): they are passed
		 * over in the stream, within the same size and value limits, and are missing from
		 * {@link FairComResponse#result()}. Replaces the fields skipped before.
		 * @param fields the names of the fields in the result
		 * @return this builder
		 */
		public Builder skipResultFields(String... fields) {
			Assert.noNullElements(fields, "'fields' must not contain null elements");
			this.skippedFields = Set.of(fields);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public FairComRequest build() {
			return new FairComRequest(this);
		}

	}

}
