package io.github.faircomclient.core;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComWireFormat.Decoded;
import io.github.faircomclient.http.FairComHttpTransport;
import io.github.faircomclient.http.TransportFailure;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionClient;

import tools.jackson.databind.JsonNode;

/**
 * Performs exactly one attempt of an action: a new {@code requestId}, the envelope, one
 * post, the decoded answer. No session handling and no retry; every failure leaves as a
 * {@link FairComException} whose kind was decided where the facts were. Also the
 * {@link FairComSessionClient} of the template's session manager. Logs one redacted DEBUG
 * line per action under the {@link FairComTemplate} category: api, action, requestId,
 * errorCode and elapsed time; never parameters or tokens.
 * <p>
 * Once a server has echoed a {@code requestId}, an answer without one is refused as the
 * answer to another request: FairCom always echoes it, so such an answer was not sent
 * for this call. Thread-safe.
 */
final class Exchange implements FairComSessionClient {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	private final FairComHttpTransport transport;

	private final FairComWireFormat wireFormat;

	private final ServerText serverText;

	private final RequestIds requestIds = new RequestIds();

	private volatile boolean serverEchoesRequestIds;

	Exchange(FairComHttpTransport transport, FairComWireFormat wireFormat, ServerText serverText) {
		this.transport = transport;
		this.wireFormat = wireFormat;
		this.serverText = serverText;
	}

	FairComHttpTransport transport() {
		return this.transport;
	}

	FairComWireFormat wireFormat() {
		return this.wireFormat;
	}

	/**
	 * Send one attempt of a call with the time the call has left.
	 */
	FairComResponse send(Call call, @Nullable FairComSession session) {
		return exchange(call.request(), call.params(), call.responseOptions(), session, call.timeLeft(),
				call.timeout(), false);
	}

	@Override
	public FairComResponse send(FairComRequest request, @Nullable FairComSession session, Duration timeout) {
		return exchange(request, this.wireFormat.toObject(request.params(), "params"), null, session, timeout, timeout,
				false);
	}

	@Override
	public FairComResponse sendOutsidePool(FairComRequest request, @Nullable FairComSession session,
			Duration timeout) {
		return exchange(request, this.wireFormat.toObject(request.params(), "params"), null, session, timeout, timeout,
				true);
	}

	private FairComResponse exchange(FairComRequest request, JsonNode params, @Nullable JsonNode responseOptions,
			@Nullable FairComSession session, Duration timeout, Duration callTimeout, boolean outsidePool) {
		String requestId = this.requestIds.next();
		String token = (session != null) ? session.getToken() : null;
		long start = System.nanoTime();
		byte[] body = this.wireFormat.encode(request, params, responseOptions, requestId, token);
		boolean echoRequired = this.serverEchoesRequestIds;
		FairComHttpTransport.AnswerReader<Decoded> reader = (answer) -> {
			try {
				return this.wireFormat.decode(request, requestId, answer, session, this.serverText, params,
						echoRequired);
			}
			catch (FairComException ex) {
				return Decoded.failed(ex);
			}
		};
		Decoded decoded;
		try {
			decoded = (outsidePool) ? this.transport.postOutsidePool(body, timeout, reader)
					: this.transport.post(body, timeout, reader);
		}
		catch (TransportFailure failure) {
			log(request, requestId, "-", start);
			throw FairComExceptionTranslator.transportFailed(failure, request, requestId, callTimeout);
		}
		FairComException failure = decoded.failure();
		if (failure != null) {
			log(request, requestId, "-", start);
			throw failure;
		}
		FairComResponse response = decoded.response();
		if (decoded.requestIdEchoed() && !echoRequired) {
			this.serverEchoesRequestIds = true;
		}
		if (logger.isDebugEnabled()) {
			log(request, requestId, String.valueOf(response.errorCode()), start);
		}
		return response;
	}

	private static void log(FairComRequest request, String requestId, String errorCode, long start) {
		if (logger.isDebugEnabled()) {
			long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
			logger.debug("FairCom " + FairComExceptionTranslator.describe(request.api(), request.action())
					+ " requestId=" + requestId + " errorCode=" + errorCode + " in " + elapsed + " ms");
		}
	}

}
