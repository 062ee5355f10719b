package io.github.faircomclient.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The body stream of an answer, which fails with the given {@link TransportFailure} as soon
 * as more than the limit has been read.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long maxBytes;

	private final Supplier<TransportFailure> tooLarge;

	private long count;

	LimitedInputStream(InputStream in, long maxBytes, Supplier<TransportFailure> tooLarge) {
		super(in);
		this.maxBytes = maxBytes;
		this.tooLarge = tooLarge;
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
			throw this.tooLarge.get();
		}
	}

}
