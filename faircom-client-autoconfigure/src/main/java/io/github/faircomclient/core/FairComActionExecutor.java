package io.github.faircomclient.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.http.CallDeadlineExceededException;
import io.github.faircomclient.http.FairComHttpTransport;
import io.github.faircomclient.http.ResponseTooLargeException;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionClient;
import io.github.faircomclient.session.FairComSessionSettings;

import tools.jackson.databind.JsonNode;

/**
 * Sends one action over the transport and decodes the answer, without any session or
 * retry logic; also implements the admin session actions for the session manager. Every
 * failure of a send, whatever the server answered, becomes a {@link FairComException}.
 * Logs one redacted DEBUG line per action under the {@link FairComTemplate} category:
 * api, action, requestId, errorCode and elapsed time; never parameters or tokens.
 * <p>
 * A call of the template runs {@linkplain #withinDeadline(long, java.util.function.Supplier)
 * within its deadline}: a login the call has to run on its thread gets only the time the
 * call has left.
 */
final class FairComActionExecutor implements FairComSessionClient {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	private final FairComHttpTransport transport;

	private final FairComWireFormat wireFormat;

	private final RequestIds requestIds = new RequestIds();

	private final Duration callTimeout;

	private final Clock clock;

	private final ThreadLocal<CallDeadline> callDeadline = ThreadLocal.withInitial(CallDeadline::new);

	FairComActionExecutor(FairComHttpTransport transport, FairComWireFormat wireFormat, Duration callTimeout,
			Clock clock) {
		this.transport = transport;
		this.wireFormat = wireFormat;
		this.callTimeout = callTimeout;
		this.clock = clock;
	}

	FairComWireFormat wireFormat() {
		return this.wireFormat;
	}

	FairComHttpTransport transport() {
		return this.transport;
	}

	Duration callTimeout() {
		return this.callTimeout;
	}

	/**
	 * Run part of a call on this thread with the call's deadline in effect for sends that
	 * name no timeout of their own (the login the call may have to run).
	 * @param <T> the result type
	 * @param deadline the deadline on the {@link System#nanoTime()} scale
	 * @param action what to run
	 * @return the result of the action
	 */
	<T> T withinDeadline(long deadline, java.util.function.Supplier<T> action) {
		CallDeadline current = this.callDeadline.get();
		boolean hadPrevious = current.active;
		long previous = current.deadline;
		current.active = true;
		current.deadline = deadline;
		try {
			return action.get();
		}
		finally {
			current.active = hadPrevious;
			current.deadline = previous;
		}
	}

	FairComResponse send(FairComRequest request, @Nullable FairComSession session) {
		Duration callTimeout = (request.timeout() != null) ? request.timeout() : this.callTimeout;
		CallDeadline deadline = this.callDeadline.get();
		if (!deadline.active) {
			return send(request, session, callTimeout);
		}
		long left = deadline.deadline - System.nanoTime();
		Duration remaining = Duration.ofNanos(Math.max(left, Duration.ofMillis(1).toNanos()));
		return send(request, session, (remaining.compareTo(callTimeout) < 0) ? remaining : callTimeout);
	}

	FairComResponse send(FairComRequest request, @Nullable FairComSession session, Duration timeout) {
		return send(request, session, timeout, timeout);
	}

	/**
	 * Send one attempt of a call that has a larger budget.
	 * @param timeout the time this attempt may take
	 * @param callTimeout the call's whole timeout, named when the attempt runs out of time
	 */
	FairComResponse send(FairComRequest request, @Nullable FairComSession session, Duration timeout,
			Duration callTimeout) {
		return send(request, this.wireFormat.params(request), session, timeout, callTimeout);
	}

	/**
	 * Send one attempt of a call whose parameters were already converted.
	 * @param params the request's parameters from {@link FairComWireFormat#params(FairComRequest)}
	 * @param timeout the time this attempt may take
	 * @param callTimeout the call's whole timeout, named when the attempt runs out of time
	 */
	FairComResponse send(FairComRequest request, JsonNode params, @Nullable FairComSession session, Duration timeout,
			Duration callTimeout) {
		String requestId = this.requestIds.next();
		String token = (session != null) ? session.getToken() : null;
		long start = System.nanoTime();
		byte[] body = this.wireFormat.encode(request, params, requestId, token);
		try {
			FairComResponse response = this.transport
				.post(body, timeout, (status, headers, in) -> decode(request, requestId, status, headers, in, session))
				.get();
			log(request, requestId, response.errorCode(), start);
			return response;
		}
		catch (CallDeadlineExceededException ex) {
			log(request, requestId, "-", start);
			throw FairComExceptionTranslator.transportFailed(ex, true, callTimeout, request.api(), request.action(),
					requestId);
		}
		catch (ResponseTooLargeException ex) {
			log(request, requestId, "-", start);
			throw FairComExceptionTranslator.protocolError(FairComProtocolException.Kind.TOO_LARGE, request.api(),
					request.action(), requestId, ex.getStatusCode(),
					"more than " + ex.getMaxResponseBytes() + " bytes", null);
		}
		catch (IOException ex) {
			log(request, requestId, "-", start);
			throw FairComExceptionTranslator.transportFailed(ex, false, timeout, request.api(), request.action(),
					requestId);
		}
		catch (FairComException ex) {
			log(request, requestId, "-", start);
			throw ex;
		}
		catch (RuntimeException ex) {
			log(request, requestId, "-", start);
			throw FairComExceptionTranslator.transportFailed(ex, false, timeout, request.api(), request.action(),
					requestId);
		}
	}

	/**
	 * Decode an answer while its response is open. A decoding failure is handed back rather
	 * than thrown, so that the HTTP exchange itself is not recorded as failed.
	 */
	private Decoded decode(FairComRequest request, String requestId, int status, HttpHeaders headers, InputStream in,
			@Nullable FairComSession session) throws IOException {
		try {
			return new Decoded(this.wireFormat.decode(request, requestId, status, headers, in, session), null);
		}
		catch (FairComException ex) {
			return new Decoded(null, ex);
		}
	}

	@Override
	public FairComSession createSession(@Nullable String username, @Nullable String password,
			FairComSessionSettings settings) {
		FairComResponse response = send(this.wireFormat.createSessionRequest(username, password, settings), null);
		if (!response.isSuccess()) {
			throw FairComExceptionTranslator.loginFailed(response.api(), response.action(), response.requestId(),
					response.httpStatus(), response.errorCode(), response.errorMessage());
		}
		return this.wireFormat.readSession(response, settings, this.clock.instant());
	}

	@Override
	public boolean pingSession(FairComSession session) {
		FairComResponse response = send(this.wireFormat.sessionRequest(FairComWireFormat.PING_SESSION), session);
		if (SessionExpiryClassifier.isSessionGone(response)) {
			return false;
		}
		if (!response.isSuccess()) {
			throw FairComExceptionTranslator.actionFailed(response.api(), response.action(), response.requestId(),
					response.httpStatus(), response.errorCode(), response.errorMessage());
		}
		return true;
	}

	@Override
	public void deleteSession(FairComSession session, Duration timeout) {
		FairComResponse response = send(this.wireFormat.sessionRequest(FairComWireFormat.DELETE_SESSION), session,
				timeout);
		if (!response.isSuccess() && !SessionExpiryClassifier.isSessionGone(response)) {
			throw FairComExceptionTranslator.actionFailed(response.api(), response.action(), response.requestId(),
					response.httpStatus(), response.errorCode(), response.errorMessage());
		}
	}

	private static void log(FairComRequest request, String requestId, int errorCode, long start) {
		if (logger.isDebugEnabled()) {
			log(request, requestId, String.valueOf(errorCode), start);
		}
	}

	private static void log(FairComRequest request, String requestId, String errorCode, long start) {
		if (logger.isDebugEnabled()) {
			long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
			logger.debug("FairCom " + ((request.api() != null) ? request.api() + "/" : "") + request.action()
					+ " requestId=" + requestId + " errorCode=" + errorCode + " in " + elapsed + " ms");
		}
	}

	/**
	 * The deadline of the template call running on a thread, if any: one mutable holder per
	 * thread, so that entering and leaving a call neither boxes the deadline nor changes
	 * the thread's map of thread-locals.
	 */
	private static final class CallDeadline {

		boolean active;

		long deadline;

	}

	/**
	 * A decoded answer, or why it could not be decoded.
	 */
	private record Decoded(@Nullable FairComResponse response, @Nullable FairComException failure) {

		FairComResponse get() {
			if (this.failure != null) {
				throw this.failure;
			}
			Assert.state(this.response != null, "No response");
			return this.response;
		}

	}

}
