package io.github.faircomclient.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.faircomclient.test.RequestProcessor.ClientInfo;
import io.github.faircomclient.test.ResponseEnvelope.Answer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler of {@code POST /api}: reads the body within its size and time limits, applies faults
 * and latency, and writes the answer of the {@link RequestProcessor}.
 */
final class ApiHandler extends Handler.Abstract {

	private static final Logger logger = LoggerFactory.getLogger(ApiHandler.class);

	static final String JSON = "application/json";

	private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

	private final RequestProcessor processor;

	private final EmulatorFaults faults;

	private final long maxBodyBytes;

	private final Duration requestTimeout;

	private final CountDownLatch stopSignal;

	private final @Nullable RequestLog requestLog;

	ApiHandler(RequestProcessor processor, EmulatorFaults faults, long maxBodyBytes, Duration requestTimeout,
			CountDownLatch stopSignal, @Nullable RequestLog requestLog) {
		this.processor = processor;
		this.faults = faults;
		this.maxBodyBytes = maxBodyBytes;
		this.requestTimeout = requestTimeout;
		this.stopSignal = stopSignal;
		this.requestLog = requestLog;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		long start = System.nanoTime();
		String address = String.valueOf(Request.getRemoteAddr(request));
		String path = Request.getPathInContext(request);
		if (!"/api".equals(path) && !path.startsWith("/api/")) {
			sendError(response, callback, ProvisionalChoice.NOT_FOUND, false, path);
			log(address, "-", ProvisionalChoice.NOT_FOUND, start);
			return true;
		}
		if (!"POST".equals(request.getMethod())) {
			response.getHeaders().put(HttpHeader.ALLOW, "POST");
			sendError(response, callback, ProvisionalChoice.METHOD_NOT_ALLOWED, false, request.getMethod());
			log(address, "-", ProvisionalChoice.METHOD_NOT_ALLOWED, start);
			return true;
		}
		Body body;
		try {
			body = readBody(request);
		}
		catch (IOException ex) {
			if (isTimeout(ex)) {
				sendError(response, callback, ProvisionalChoice.REQUEST_TIMEOUT, true, this.requestTimeout.toMillis());
				log(address, "-", ProvisionalChoice.REQUEST_TIMEOUT, start);
			}
			else {
				logger.debug("Reading a request body failed", ex);
				callback.failed(ex);
				log(address, "-", 0, "body not read", start);
			}
			return true;
		}
		if (body.tooLarge()) {
			sendError(response, callback, ProvisionalChoice.REQUEST_TOO_LARGE, !body.complete(), this.maxBodyBytes);
			log(address, "-", ProvisionalChoice.REQUEST_TOO_LARGE, start);
			return true;
		}
		if (body.timedOut()) {
			sendError(response, callback, ProvisionalChoice.REQUEST_TIMEOUT, true, this.requestTimeout.toMillis());
			log(address, "-", ProvisionalChoice.REQUEST_TIMEOUT, start);
			return true;
		}
		ClientInfo client = new ClientInfo(address, clientCertificate(request));
		Fault fault = this.faults.poll();
		Answer answer = null;
		String action;
		if (fault == null || fault.executesRequest()) {
			answer = this.processor.process(body.bytes(), client);
			action = answer.action();
		}
		else {
			action = this.processor.countOnly(body.bytes());
		}
		if (!pause(this.faults.latency())) {
			drop(request, callback);
			log(address, action, 0, "dropped: the emulator stopped", start);
			return true;
		}
		if (fault == null) {
			send(response, callback, answer.status(), JSON, answer.body(), false);
			log(address, action, answer.status(), "errorCode " + answer.errorCode(), start);
		}
		else {
			strike(fault, answer, request, response, callback);
			log(address, action, faultStatus(fault, answer), "fault " + fault.kind(), start);
		}
		return true;
	}

	private static int faultStatus(Fault fault, @Nullable Answer answer) {
		return switch (fault.kind()) {
			case HTTP_500 -> 500;
			case HTML_ERROR_PAGE -> fault.httpStatus();
			case TOO_MANY_REQUESTS -> 429;
			case DROP_CONNECTION -> 0;
			case TRUNCATED_JSON, TRICKLE -> (answer != null) ? answer.status() : 0;
		};
	}

	private void log(String address, String action, ProvisionalChoice error, long start) {
		log(address, action, error.httpStatus(), "errorCode " + error.errorCode(), start);
	}

	private void log(String address, String action, int status, String outcome, long start) {
		if (this.requestLog != null) {
			this.requestLog.log(address, action, status, outcome, start);
		}
	}

	private void strike(Fault fault, @Nullable Answer answer, Request request, Response response, Callback callback) {
		logger.debug("Answering with {}", fault);
		switch (fault.kind()) {
			case HTTP_500 -> send(response, callback, 500, "text/plain;charset=utf-8",
					"Internal Server Error".getBytes(StandardCharsets.UTF_8), false);
			case HTML_ERROR_PAGE -> send(response, callback, fault.httpStatus(), "text/html;charset=utf-8",
					htmlPage(fault.httpStatus()), false);
			case TOO_MANY_REQUESTS -> {
				response.getHeaders().put(HttpHeader.RETRY_AFTER, fault.retryAfterSeconds());
				send(response, callback, 429, "text/plain;charset=utf-8",
						"Too Many Requests".getBytes(StandardCharsets.UTF_8), false);
			}
			case DROP_CONNECTION -> drop(request, callback);
			case TRUNCATED_JSON -> {
				byte[] body = answer.body();
				send(response, callback, answer.status(), JSON, Arrays.copyOf(body, body.length / 2), false);
			}
			case TRICKLE -> trickle(fault, answer, request, response, callback);
		}
	}

	private void trickle(Fault fault, Answer answer, Request request, Response response, Callback callback) {
		byte[] body = answer.body();
		response.setStatus(answer.status());
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		try {
			OutputStream out = Content.Sink.asOutputStream(response);
			for (int offset = 0; offset < body.length; offset += fault.chunkSize()) {
				if (offset > 0 && !pause(fault.pace())) {
					drop(request, callback);
					return;
				}
				out.write(body, offset, Math.min(fault.chunkSize(), body.length - offset));
				out.flush();
			}
			out.close();
			callback.succeeded();
		}
		catch (IOException ex) {
			logger.debug("Trickling an answer failed", ex);
			callback.failed(ex);
		}
	}

	private Body readBody(Request request) throws IOException {
		long deadline = System.nanoTime() + this.requestTimeout.toNanos();
		long declared = request.getLength();
		InputStream in = Request.asInputStream(request);
		if (declared > this.maxBodyBytes) {
			return new Body(null, true, false, declared <= DRAIN_LIMIT && drain(in, 0, deadline));
		}
		ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.max(Math.min(declared, this.maxBodyBytes), 256));
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > this.maxBodyBytes) {
				return new Body(null, true, false, drain(in, total, deadline));
			}
			content.write(buffer, 0, read);
			if (System.nanoTime() - deadline > 0) {
				return new Body(null, false, true, false);
			}
		}
		return new Body(content.toByteArray(), false, false, true);
	}

	/**
	 * Reads and discards the rest of a body, so that the client can read the error answer.
	 * @return whether the whole body was consumed
	 */
	private static boolean drain(InputStream in, long alreadyRead, long deadline) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = alreadyRead;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > DRAIN_LIMIT || System.nanoTime() - deadline > 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Waits, unless the emulator stops meanwhile.
	 * @return {@code false} if the emulator is stopping
	 */
	private boolean pause(Duration duration) {
		if (duration.isZero()) {
			return this.stopSignal.getCount() > 0;
		}
		try {
			return !this.stopSignal.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void drop(Request request, Callback callback) {
		request.getConnectionMetaData().getConnection().getEndPoint().close();
		callback.failed(new DroppedConnectionException());
	}

	private static @Nullable X509Certificate clientCertificate(Request request) {
		if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl) {
			X509Certificate[] certificates = ssl.peerCertificates();
			if (certificates != null && certificates.length > 0) {
				return certificates[0];
			}
		}
		return null;
	}

	private static void sendError(Response response, Callback callback, ProvisionalChoice error, boolean close,
			Object... arguments) {
		Answer answer = ResponseEnvelope.error(error.httpStatus(), error.errorCode(), error.message(arguments));
		send(response, callback, answer.status(), JSON, answer.body(), close);
	}

	static void send(Response response, Callback callback, int status, String contentType, byte[] body, boolean close) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		if (close) {
			response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
		}
		response.write(true, ByteBuffer.wrap(body), callback);
	}

	private static byte[] htmlPage(int status) {
		String title = status + " " + HttpStatus.getMessage(status);
		String page = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title
				+ "</h1>\n<p>The server could not complete your request. Please try again later.</p>\n<hr><address>nginx</address></body></html>\n";
		return page.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Ends a request whose connection the emulator closed on purpose; Jetty logs it quietly.
	 */
	private static final class DroppedConnectionException extends IOException implements QuietException {

		DroppedConnectionException() {
			super("Connection dropped by the emulator (fault injection or shutdown)", null);
		}

	}

	private record Body(byte @Nullable [] bytes, boolean tooLarge, boolean timedOut, boolean complete) {
	}

}
