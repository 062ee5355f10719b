package io.github.faircomclient.testsupport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.faircomclient.http.FairComHttpTransport;

/**
 * Answers as the transport hands them to a reader, without a server: for unit tests of
 * the envelope decoder. Each remembers whether its connection was discarded.
 */
public final class TestAnswers {

	private TestAnswers() {
	}

	/**
	 * Return an answer with the given status, content type and body.
	 */
	public static Recorded of(int status, MediaType contentType, String body) {
		return of(status, contentType, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Return an answer with the given status, content type and body stream.
	 */
	public static Recorded of(int status, MediaType contentType, InputStream body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		return new Recorded(status, HttpHeaders.readOnlyHttpHeaders(headers), body);
	}

	/**
	 * Return an answer with the given status, raw {@code Content-Type} header and body.
	 */
	public static Recorded withContentType(int status, String contentType, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		return new Recorded(status, HttpHeaders.readOnlyHttpHeaders(headers),
				new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * An answer that counts the discards of its connection.
	 */
	public static final class Recorded implements FairComHttpTransport.Answer {

		private final int statusCode;

		private final HttpHeaders headers;

		private final InputStream body;

		private final AtomicInteger discards = new AtomicInteger();

		Recorded(int statusCode, HttpHeaders headers, InputStream body) {
			this.statusCode = statusCode;
			this.headers = headers;
			this.body = body;
		}

		@Override
		public int statusCode() {
			return this.statusCode;
		}

		@Override
		public HttpHeaders headers() {
			return this.headers;
		}

		@Override
		public InputStream body() {
			return this.body;
		}

		@Override
		public void discardConnection() {
			this.discards.incrementAndGet();
		}

		public boolean discarded() {
			return this.discards.get() > 0;
		}

	}

}
