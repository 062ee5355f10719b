package io.github.faircomclient.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of the template, from {@code execute} until it returns or throws: the request
 * with its parameters converted once, the session it is bound to, the deadline every
 * attempt, login and wait must fit in, the attempts made, whether it was replayed on a
 * new session, and the failures of earlier attempts. A call that joins a Spring-managed
 * transaction ({@link TransactionJoin}) carries its {@code transactionId}, is bound to its
 * session and ends by its deadline. Not thread-safe: it belongs to the thread that made
 * the call.
 */
final class Call {

	private final FairComRequest request;

	private JsonNode params;

	private final @Nullable JsonNode responseOptions;

	private final RetrySafety safety;

	private Duration timeout;

	private long deadline;

	private @Nullable FairComSession boundSession;

	private int attempts;

	private int retries;

	private boolean replayed;

	private @Nullable List<FairComException> earlierFailures;

	Call(FairComRequest request, FairComWireFormat wireFormat, Duration defaultTimeout) {
		this.request = request;
		this.params = wireFormat.toObject(request.params(), "params");
		this.responseOptions = (request.responseOptions() != null)
				? wireFormat.toObject(request.responseOptions(), "responseOptions") : null;
		this.safety = RetrySafety.of(request, isTrue(this.params.get("returnCursor")));
		this.timeout = (request.timeout() != null) ? request.timeout() : defaultTimeout;
		this.deadline = System.nanoTime() + this.timeout.toNanos();
		this.boundSession = request.boundSession();
	}

	/**
	 * Join a transaction: add its {@code transactionId} unless the parameters name one, bind
	 * the call to the transaction's session unless the request is bound already, and end
	 * the call by the transaction's deadline.
	 * @param transactionId the transaction id
	 * @param session the transaction's session, or {@code null} if unknown
	 * @param timeLeft the time the transaction has left, or {@code null} if it has no
	 * deadline
	 */
	void join(String transactionId, @Nullable FairComSession session, @Nullable Duration timeLeft) {
		if (!hasValue(this.params, "transactionId")) {
			this.params = ((ObjectNode) this.params).deepCopy().put("transactionId", transactionId);
		}
		if (this.boundSession == null) {
			this.boundSession = session;
		}
		if (timeLeft != null && timeLeft.compareTo(timeLeft()) < 0) {
			this.timeout = timeLeft;
			this.deadline = System.nanoTime() + timeLeft.toNanos();
		}
	}

	/**
	 * Return the {@code transactionId} the parameters carry.
	 * @return the id, or {@code null} if they carry none
	 */
	@Nullable String transactionId() {
		return hasValue(this.params, "transactionId") ? this.params.get("transactionId").asString() : null;
	}

	/**
	 * Return the session the call belongs to.
	 * @return the session whose transaction or cursor the call continues, or {@code null}
	 * if it runs on whatever session is current
	 * @see FairComRequest.Builder#boundTo(FairComSession)
	 */
	@Nullable FairComSession boundSession() {
		return this.boundSession;
	}

	FairComRequest request() {
		return this.request;
	}

	JsonNode params() {
		return this.params;
	}

	@Nullable JsonNode responseOptions() {
		return this.responseOptions;
	}

	RetrySafety safety() {
		return this.safety;
	}

	/**
	 * Return the call timeout the call started with.
	 * @return the timeout
	 */
	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the time the call has left, at least a millisecond so that an attempt started
	 * at the deadline fails as a timeout.
	 * @return the time left
	 */
	Duration timeLeft() {
		long left = this.deadline - System.nanoTime();
		return Duration.ofNanos(Math.max(left, Duration.ofMillis(1).toNanos()));
	}

	/**
	 * Return whether the time left is at least the given duration.
	 * @param needed the time needed
	 * @return whether there is that much time left
	 */
	boolean hasTimeFor(Duration needed) {
		return this.deadline - System.nanoTime() >= needed.toNanos();
	}

	void startAttempt() {
		this.attempts++;
	}

	int attempts() {
		return this.attempts;
	}

	boolean wasReplayed() {
		return this.replayed;
	}

	void replayed() {
		this.replayed = true;
	}

	/**
	 * Return whether the call continues work of the session it was created on: a cursor or
	 * a transaction named in its parameters.
	 * @return whether it carries a {@code cursorId} or {@code transactionId}
	 */
	boolean continuesSessionState() {
		return describeSessionState() != null;
	}

	/**
	 * Describe the session work the call continues, for messages: {@code cursor 'id'} or
	 * {@code transaction 'id'}.
	 * @return the description, or {@code null} if it continues none
	 */
	@Nullable String describeSessionState() {
		if (hasValue(this.params, "cursorId")) {
			return "cursor '" + this.params.get("cursorId").asString() + "'";
		}
		if (hasValue(this.params, "transactionId")) {
			return "transaction '" + this.params.get("transactionId").asString() + "'";
		}
		return null;
	}

	int retries() {
		return this.retries;
	}

	/**
	 * Keep the failure of an attempt that is tried again, and count the retry.
	 * @param failure the failure
	 */
	void retrying(FairComException failure) {
		this.retries++;
		if (this.earlierFailures == null) {
			this.earlierFailures = new ArrayList<>(2);
		}
		this.earlierFailures.add(failure);
	}

	/**
	 * Return the failure that ends the call, with the failures of its earlier attempts
	 * attached as suppressed exceptions.
	 * @param failure the last failure
	 * @return the same failure
	 */
	FairComException fail(FairComException failure) {
		if (this.earlierFailures != null) {
			for (FairComException earlier : this.earlierFailures) {
				if (earlier != failure) {
					failure.addSuppressed(earlier);
				}
			}
			this.earlierFailures = null;
		}
		return failure;
	}

	String describe() {
		return FairComExceptionTranslator.describe(this.request.api(), this.request.action());
	}

	private static boolean hasValue(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value != null && !value.isNull() && !(value.isString() && value.stringValue().isEmpty());
	}

	private static boolean isTrue(@Nullable JsonNode node) {
		return node != null && (node.isBoolean() ? node.booleanValue()
				: node.isString() && "true".equalsIgnoreCase(node.stringValue().trim()));
	}

}
