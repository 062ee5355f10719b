package io.github.faircomclient.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A plain socket speaking just enough HTTP/1.1 to send hostile or slow requests and read one answer.
 */
final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	RawHttp(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(10_000);
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	void send(String text) throws IOException {
		send(text.getBytes(StandardCharsets.UTF_8));
	}

	void send(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	static String post(String path, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	/**
	 * Reads one answer; {@code null} when the server closed the connection before answering.
	 */
	Answer read() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = this.in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String headers = head.toString(StandardCharsets.ISO_8859_1);
		int status = Integer.parseInt(headers.substring(9, 12));
		int length = 0;
		for (String line : headers.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		byte[] body = this.in.readNBytes(length);
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	/**
	 * Whether the server closed the connection (end of stream) within the socket timeout.
	 */
	boolean closedByServer() throws IOException {
		try {
			return this.in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	void timeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	record Answer(int status, String headers, String body) {

		String header(String name) {
			for (String line : this.headers.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

	}

}
