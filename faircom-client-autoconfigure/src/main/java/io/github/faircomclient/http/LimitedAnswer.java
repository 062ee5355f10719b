package io.github.faircomclient.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;

import io.github.faircomclient.http.CallDeadlines.Deadline;
import io.github.faircomclient.http.TransportFailure.Reason;

/**
 * The answer of one exchange as its reader sees it, and its body stream, which fails with a
 * {@link TransportFailure} of reason {@link Reason#ANSWER_TOO_LARGE} as soon as more than
 * the limit has been read. One object per exchange for both.
 */
final class LimitedAnswer extends FilterInputStream implements FairComHttpTransport.Answer {

	private final int status;

	private final HttpHeaders headers;

	private final Deadline deadline;

	private final long maxBytes;

	private long count;

	LimitedAnswer(int status, HttpHeaders headers, InputStream body, Deadline deadline, long maxBytes) {
		super(body);
		this.status = status;
		this.headers = headers;
		this.deadline = deadline;
		this.maxBytes = maxBytes;
	}

	@Override
	public int statusCode() {
		return this.status;
	}

	@Override
	public HttpHeaders headers() {
		return this.headers;
	}

	@Override
	public InputStream body() {
		return this;
	}

	@Override
	public void discardConnection() {
		this.deadline.discardConnection();
	}

	@Override
	public int read() throws IOException {
		int read = this.in.read();
		if (read != -1) {
			counted(1);
		}
		return read;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = this.in.read(buffer, offset, length);
		if (read > 0) {
			counted(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = this.in.skip(n);
		if (skipped > 0) {
			counted(skipped);
		}
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void counted(long read) throws TransportFailure {
		this.count += read;
		if (this.count > this.maxBytes) {
			throw tooLarge(this.status, "grew beyond the limit of " + this.maxBytes + " bytes");
		}
	}

	static TransportFailure tooLarge(int status, String what) {
		return new TransportFailure(Reason.ANSWER_TOO_LARGE, "the answer (HTTP " + status + ") " + what, status,
				null);
	}

}
