package io.github.faircomclient.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads one HTTP/1.1 request from a socket for the test servers that speak HTTP by hand: the
 * head up to its blank line, then as many body bytes as {@code Content-Length} says.
 */
public final class RawHttpRequests {

	private static final int MAX_HEAD_BYTES = 65536;

	private RawHttpRequests() {
	}

	/**
	 * Read the next request and return its body.
	 * @param in the connection's input
	 * @return the body (empty without {@code Content-Length}), or {@code null} when the
	 * connection ended before a whole head arrived or the head is larger than 64 KB
	 * @throws IOException if reading fails
	 */
	public static byte @Nullable [] readBody(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1 || head.size() >= MAX_HEAD_BYTES) {
				return null;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		int length = 0;
		for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
				length = Integer.parseInt(line.substring(colon + 1).trim());
			}
		}
		return in.readNBytes(length);
	}

}
