package io.github.faircomclient.http;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.http.StreamingHttpOutputMessage;

/**
 * A request body of JSON bytes, written as they are and as often as HttpClient asks.
 */
final class JsonBody implements StreamingHttpOutputMessage.Body {

	private final byte[] bytes;

	JsonBody(byte[] bytes) {
		this.bytes = bytes;
	}

	@Override
	public void writeTo(OutputStream outputStream) throws IOException {
		outputStream.write(this.bytes);
	}

	@Override
	public boolean repeatable() {
		return true;
	}

}
