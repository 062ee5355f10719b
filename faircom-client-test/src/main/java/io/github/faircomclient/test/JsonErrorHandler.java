package io.github.faircomclient.test;

import java.nio.ByteBuffer;

import io.github.faircomclient.test.ResponseEnvelope.Answer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers HTTP-level errors that Jetty detects itself (malformed requests, oversized headers, handler
 * failures) with a JSON envelope instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		Answer answer = answer(code, message);
		response.setStatus(code);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.JSON);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
		response.write(true, ByteBuffer.wrap(answer.body()), callback);
	}

	private static Answer answer(int status, String message) {
		ProvisionalChoice error = (status == 500) ? ProvisionalChoice.INTERNAL_ERROR : ProvisionalChoice.HTTP_PROTOCOL_ERROR;
		String text = (message == null || message.isBlank()) ? HttpStatus.getMessage(status) : message;
		String errorMessage = (error == ProvisionalChoice.INTERNAL_ERROR) ? error.message(status + " " + text)
				: error.message(status, text);
		return ResponseEnvelope.error(status, error.errorCode(), errorMessage);
	}

}
