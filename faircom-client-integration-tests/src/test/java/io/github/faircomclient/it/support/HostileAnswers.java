package io.github.faircomclient.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.github.faircomclient.it.support.HostileServer.Answer;
import io.github.faircomclient.it.support.HostileServer.Request;

import static io.github.faircomclient.it.support.HostileServer.Answer.http;

/**
 * A seeded generator of malformed and hostile server answers, for {@link HostileServer}:
 * not JSON, HTML, truncated (in JSON and in HTTP), wrong types, no errorCode, another
 * requestId, broken HTTP, deep nesting, invalid UTF-8, duplicate keys, 429/503 with odd
 * Retry-After values, 10 MB malformed bodies, an answer larger than the client accepts,
 * silence and trickled bytes. Every generated answer must end the call with a
 * {@code FairComException}. The same seed gives the same cases.
 */
public final class HostileAnswers {

	/**
	 * One generated case.
	 *
	 * @param name what the case is, for the test report
	 * @param answer how the server answers
	 * @param login whether the answer is given to {@code createSession} (otherwise to the
	 * action, after a valid login)
	 */
	public record Case(String name, Answer answer, boolean login) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8",
			"text/plain", "application/octet-stream", null, "garbage/;;;=", "text/html" };

	private final Random random;

	private HostileAnswers(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * Generate cases: every category at least once, then random ones up to the count.
	 * @param seed the seed
	 * @param count how many cases
	 * @param slowCases how many of them may take up to the call timeout (silence, trickle)
	 * @return the cases
	 */
	public static List<Case> generate(long seed, int count, int slowCases) {
		HostileAnswers generator = new HostileAnswers(seed);
		List<Function<HostileAnswers, Case>> fast = List.of(HostileAnswers::notJson, HostileAnswers::html,
				HostileAnswers::truncatedJson, HostileAnswers::truncatedHttp, HostileAnswers::wrongErrorCodeType,
				HostileAnswers::wrongRequestIdType, HostileAnswers::missingErrorCode,
				HostileAnswers::mismatchedRequestId, HostileAnswers::brokenHttp, HostileAnswers::deepNesting,
				HostileAnswers::invalidUtf8, HostileAnswers::duplicateErrorCode, HostileAnswers::busy,
				HostileAnswers::hostileLogin, HostileAnswers::apiErrorWithOddFields);
		List<Function<HostileAnswers, Case>> slow = List.of(HostileAnswers::trickledBody,
				HostileAnswers::trickledHead, HostileAnswers::silence);
		List<Case> cases = new ArrayList<>();
		fast.forEach((category) -> cases.add(category.apply(generator)));
		cases.add(generator.tenMegabytes(true));
		cases.add(generator.tenMegabytes(false));
		cases.add(generator.tooLarge());
		for (int i = 0; i < slowCases; i++) {
			cases.add(slow.get(i % slow.size()).apply(generator));
		}
		while (cases.size() < count) {
			cases.add(fast.get(generator.random.nextInt(fast.size())).apply(generator));
		}
		return cases;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private int pick(int... values) {
		return values[this.random.nextInt(values.length)];
	}

	private boolean login() {
		return this.random.nextInt(5) == 0;
	}

	private String garbage(int maxLength) {
		int length = 1 + this.random.nextInt(maxLength);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (32 + this.random.nextInt(95)));
		}
		return text.toString();
	}

	private String envelope(Request request, String errorCode) {
		StringBuilder data = new StringBuilder("[");
		int rows = this.random.nextInt(20);
		for (int i = 0; i < rows; i++) {
			data.append((i > 0) ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"")
				.append(garbage(20).replace("\\", "").replace("\"", "")).append("\"}");
		}
		data.append("]");
		return "{\"requestId\":\"" + request.requestId() + "\",\"authToken\":\"" + HostileServer.TOKEN
				+ "\",\"result\":{\"authToken\":\"" + HostileServer.TOKEN + "\",\"data\":" + data
				+ "},\"errorCode\":" + errorCode + ",\"errorMessage\":\"\"}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private Case notJson() {
		String[] bodies = { garbage(200), "null", "42", "[1,2,3]", "\"text\"", "true", "{", "}", "{\"a\":}",
				"{'single':'quotes'}", "NaN", "{\"errorCode\":0} trailing", "\u0000\u0001\u0002" };
		String body = pick(bodies);
		int status = pick(200, 200, 400, 404, 500, 502);
		String contentType = pick(CONTENT_TYPES);
		boolean login = login();
		return new Case("not JSON (" + status + ", " + contentType + ", " + abbreviate(body) + ")",
				(request, out) -> out.write(http(status, contentType, utf8(body))), login);
	}

	private Case html() {
		int status = pick(200, 403, 404, 500, 502, 504);
		String contentType = pick(new String[] { "text/html", "application/json", null, "text/html; charset=x" });
		String body = pick(new String[] { "<!DOCTYPE html><html><body>Error " + garbage(30) + "</body></html>",
				"  <html>", "<?xml version=\"1.0\"?><error/>" });
		boolean login = login();
		return new Case("HTML page (" + status + ", " + contentType + ")",
				(request, out) -> out.write(http(status, contentType, utf8(body))), login);
	}

	private Case truncatedJson() {
		double cut = this.random.nextDouble();
		boolean login = login();
		return new Case("truncated JSON (cut at " + (int) (cut * 100) + " %)", (request, out) -> {
			byte[] full = utf8(envelope(request, "0"));
			int length = Math.max(1, Math.min(full.length - 1, (int) (full.length * cut)));
			out.write(http(200, "application/json", Arrays.copyOf(full, length)));
		}, login);
	}

	private Case truncatedHttp() {
		double cut = this.random.nextDouble();
		boolean login = login();
		return new Case("body shorter than Content-Length (cut at " + (int) (cut * 100) + " %)", (request, out) -> {
			byte[] full = utf8(envelope(request, "0"));
			String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + full.length
					+ "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(full, 0, (int) (full.length * cut));
		}, login);
	}

	private Case wrongErrorCodeType() {
		String errorCode = pick(new String[] { "\"abc\"", "true", "false", "null", "1.5", "{}", "[]", "\"\"",
				"1e3", "99999999999", "-99999999999", "\"0x0\"", "[0]", "{\"code\":0}" });
		boolean login = login();
		return new Case("errorCode " + errorCode,
				(request, out) -> out.write(http(200, "application/json", utf8(envelope(request, errorCode)))),
				login);
	}

	private Case wrongRequestIdType() {
		String requestId = pick(new String[] { "42", "{}", "[]", "true", "{\"id\":\"x\"}", "1.0" });
		boolean login = login();
		return new Case("requestId " + requestId, (request, out) -> out.write(http(200, "application/json",
				utf8("{\"requestId\":" + requestId + ",\"errorCode\":0,\"result\":{}}"))), login);
	}

	private Case missingErrorCode() {
		String body = pick(new String[] { "{}", "{\"result\":{}}", "{\"errorcode\":0}", "{\"ErrorCode\":0}",
				"{\"errorMessage\":\"\",\"result\":[]}", "{\"error_code\":0}" });
		boolean login = login();
		return new Case("no errorCode: " + body,
				(request, out) -> out.write(http(200, "application/json", utf8(body))), login);
	}

	private Case mismatchedRequestId() {
		String other = garbage(30).replace("\\", "").replace("\"", "");
		boolean login = login();
		return new Case("requestId of another request", (request, out) -> out.write(http(200,
				"application/json", utf8("{\"requestId\":\"" + other + "-" + request.requestId()
						+ "\",\"errorCode\":0,\"authToken\":\"" + HostileServer.TOKEN + "\",\"result\":{}}"))),
				login);
	}

	private Case brokenHttp() {
		String[] answers = { "HTTP/1.1 abc OK\r\n\r\n", "garbage\r\n\r\n", "\u0000\u0000\u0000\u0000",
				"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}", "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n",
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"err\r\n",
				"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
				"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n", "", "HTTP/1.1 99 Low\r\n\r\n",
				"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + "X-Filler: x\r\n".repeat(2000)
						+ "Content-Length: 2\r\n\r\n{}",
				"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"errorCode\":",
				"HTTP/1.1 204 No Content\r\n\r\n", "HTTP/1.1 304 Not Modified\r\n\r\n",
				"{\"errorCode\":0,\"result\":{}}" };
		String answer = pick(answers);
		boolean login = login();
		return new Case("broken HTTP: " + abbreviate(answer),
				(request, out) -> out.write(answer.getBytes(StandardCharsets.ISO_8859_1)), login);
	}

	private Case deepNesting() {
		int depth = pick(600, 1500, 5000, 50000);
		boolean arrays = this.random.nextBoolean();
		boolean login = login();
		return new Case("nesting " + depth + " deep (" + (arrays ? "arrays" : "objects") + ")", (request, out) -> {
			StringBuilder body = new StringBuilder("{\"requestId\":\"" + request.requestId()
					+ "\",\"errorCode\":0,\"result\":");
			for (int i = 0; i < depth; i++) {
				body.append(arrays ? "[" : "{\"a\":");
			}
			body.append("1");
			for (int i = 0; i < depth; i++) {
				body.append(arrays ? "]" : "}");
			}
			body.append("}");
			out.write(http(200, "application/json", utf8(body.toString())));
		}, login);
	}

	private Case invalidUtf8() {
		boolean login = login();
		return new Case("invalid UTF-8 in a string", (request, out) -> {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(utf8("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":0,\"errorMessage\":\""));
			body.writeBytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28 });
			body.writeBytes(utf8("\",\"result\":{}}"));
			out.write(http(200, "application/json", body.toByteArray()));
		}, login);
	}

	private Case duplicateErrorCode() {
		int code = 1 + this.random.nextInt(99999);
		boolean login = login();
		return new Case("errorCode 0 then " + code, (request, out) -> out.write(http(200, "application/json",
				utf8("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":0,\"errorCode\":" + code
						+ ",\"errorMessage\":\"second wins\"}"))), login);
	}

	private Case busy() {
		int status = pick(429, 503);
		String retryAfter = pick(new String[] { null, "0", "1", "soon", "-1", "99999999999999999999",
				"Mon, 01 Jan 2001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "3600", "" });
		String contentType = pick(CONTENT_TYPES);
		boolean login = login();
		return new Case("HTTP " + status + " Retry-After " + retryAfter, (request, out) -> {
			String head = "HTTP/1.1 " + status + " Busy\r\n" + ((retryAfter != null) ? "Retry-After: " + retryAfter
					+ "\r\n" : "") + ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "")
					+ "Content-Length: 9\r\nConnection: close\r\n\r\nslow down";
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		}, login);
	}

	private Case hostileLogin() {
		String result = pick(new String[] { "{\"authToken\":12345}", "{\"authToken\":\"\"}", "{\"authToken\":{}}",
				"[]", "\"token\"", "42", "{}", "{\"authToken\":null}" });
		return new Case("createSession result " + result, (request, out) -> out.write(http(200, "application/json",
				utf8("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":0,\"result\":" + result + "}"))),
				true);
	}

	private Case apiErrorWithOddFields() {
		int code = pick(1, 4046, 12010, 99999, -7);
		String message = pick(new String[] { "123", "{}", "[\"a\"]", "null", "\"" + "x".repeat(200_000) + "\"",
				"\"token " + HostileServer.TOKEN + " in the message\"" });
		boolean login = login();
		return new Case("errorCode " + code + " with errorMessage " + abbreviate(message), (request, out) -> out
			.write(http(200, "application/json", utf8("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":"
					+ code + ",\"errorMessage\":" + message + ",\"debugInfo\":" + pick(new String[] { "1", "[]",
							"{\"warnings\":\"x\"}", "{\"warnings\":[1,null,{}]}" }) + "}"))),
				login);
	}

	private Case tenMegabytes(boolean json) {
		return new Case("10 MB malformed " + (json ? "JSON (unterminated string)" : "bytes"), (request, out) -> {
			ByteArrayOutputStream body = new ByteArrayOutputStream(10 * 1024 * 1024 + 100);
			if (json) {
				body.writeBytes(utf8("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":0,\"result\":\""));
				byte[] filler = new byte[10 * 1024 * 1024];
				Arrays.fill(filler, (byte) 'x');
				body.writeBytes(filler);
			}
			else {
				byte[] noise = new byte[10 * 1024 * 1024];
				new Random(7).nextBytes(noise);
				body.writeBytes(noise);
			}
			out.write(http(200, "application/json", body.toByteArray()));
		}, false);
	}

	private Case tooLarge() {
		return new Case("endless answer (larger than faircom.max-response-size)", (request, out) -> {
			out.write(utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"a\":\""));
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) 'x');
			while (true) {
				out.write(chunk);
			}
		}, false);
	}

	private Case trickledBody() {
		return new Case("answer trickled one byte every 50 ms", (request, out) -> {
			byte[] full = http(200, "application/json", utf8(envelope(request, "0")));
			int body = new String(full, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
			out.write(full, 0, body);
			out.flush();
			trickle(out, Arrays.copyOfRange(full, body, full.length), Duration.ofMillis(50));
		}, false);
	}

	private Case trickledHead() {
		return new Case("status line and headers trickled one byte every 50 ms",
				(request, out) -> trickle(out, http(200, "application/json", utf8(envelope(request, "0"))),
						Duration.ofMillis(50)),
				false);
	}

	private Case silence() {
		return new Case("no answer at all (connection kept open)", (request, out) -> Thread.sleep(5_000), false);
	}

	private static void trickle(OutputStream out, byte[] bytes, Duration pace)
			throws IOException, InterruptedException {
		for (byte b : bytes) {
			out.write(b);
			out.flush();
			Thread.sleep(pace.toMillis());
		}
	}

	private static String abbreviate(String text) {
		String printable = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
		return (printable.length() > 40) ? printable.substring(0, 40) + "…(" + text.length() + " chars)" : printable;
	}

}
