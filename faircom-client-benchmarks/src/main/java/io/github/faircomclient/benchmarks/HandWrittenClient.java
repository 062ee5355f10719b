package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a competent engineer writes by hand with Apache HttpClient 5 and Jackson 3 to
 * call FairCom, with none of the library in between. A pooled, keep-alive client with the same
 * timeouts as the template's defaults; the {@code authToken} is kept in a volatile field, one thread
 * logs in while the others wait ({@link ReentrantLock} with a re-check), and an answer that says the
 * session is gone ({@code 12031}/{@code 60031}) drops that token, logs in once and replays the call
 * once. Like the template it sends {@code "debug": "none"}, so both get the same answer bytes. The
 * answer is parsed straight from the response stream.
 * <p>
 * The variant {@code restclient} sends the same bytes through Spring's {@link RestClient} on the
 * same HttpClient, to tell what the {@code RestClient} layer itself costs.
 */
final class HandWrittenClient implements BenchClient {

	private static final int SESSION_GONE = 12031;

	private static final int NO_VALID_SESSION = 60031;

	private final URI url;

	private final String username;

	private final String password;

	private final CloseableHttpClient http;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong requestIds = new AtomicLong();

	private final ReentrantLock loginLock = new ReentrantLock();

	private final @Nullable RestClient restClient;

	private volatile @Nullable String token;

	HandWrittenClient(URI url, String username, String password, int maxConnections,
			@Nullable SSLContext sslContext) {
		this(url, username, password, maxConnections, sslContext, false);
	}

	/**
	 * Create a client.
	 * @param url the endpoint
	 * @param username the account
	 * @param password its password
	 * @param maxConnections the pool size
	 * @param sslContext the TLS set-up, or {@code null} for HTTP
	 * @param viaRestClient whether to send through Spring's {@link RestClient} on the same
	 * HttpClient (the attribution variant {@code restclient}) instead of HttpClient directly
	 */
	HandWrittenClient(URI url, String username, String password, int maxConnections,
			@Nullable SSLContext sslContext, boolean viaRestClient) {
		this.url = url;
		this.username = username;
		this.password = password;
		PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(maxConnections)
			.setMaxConnPerRoute(maxConnections)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.ofSeconds(5))
				.setSocketTimeout(Timeout.ofSeconds(30))
				.build());
		if (sslContext != null) {
			pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
		}
		PoolingHttpClientConnectionManager connectionManager = pool.build();
		this.http = HttpClients.custom()
			.setConnectionManager(connectionManager)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(Timeout.of(10, TimeUnit.SECONDS))
				.build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.build();
		this.restClient = viaRestClient
				? RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(this.http)).build()
				: null;
	}

	@Override
	public JsonNode call(String api, String action, Object params) {
		String token = token();
		JsonNode answer = post(new Envelope(nextRequestId(), api, action, params, token));
		int errorCode = answer.path("errorCode").asInt(-1);
		if (errorCode == SESSION_GONE || errorCode == NO_VALID_SESSION) {
			dropToken(token);
			answer = post(new Envelope(nextRequestId(), api, action, params, token()));
			errorCode = answer.path("errorCode").asInt(-1);
		}
		if (errorCode != 0) {
			throw new IllegalStateException(
					api + "/" + action + " failed: " + errorCode + " " + answer.path("errorMessage").asString());
		}
		return answer.path("result");
	}

	/**
	 * Return the current {@code authToken}, logging in first if there is none.
	 * @return the token
	 */
	String token() {
		String current = this.token;
		if (current != null) {
			return current;
		}
		this.loginLock.lock();
		try {
			current = this.token;
			if (current == null) {
				current = login();
				this.token = current;
			}
			return current;
		}
		finally {
			this.loginLock.unlock();
		}
	}

	private void dropToken(String stale) {
		this.loginLock.lock();
		try {
			if (stale.equals(this.token)) {
				this.token = null;
			}
		}
		finally {
			this.loginLock.unlock();
		}
	}

	private String login() {
		JsonNode answer = post(new Envelope(nextRequestId(), "admin", "createSession",
				Map.of("username", this.username, "password", this.password), null));
		String token = answer.path("result").path("authToken").asString("");
		if (answer.path("errorCode").asInt(-1) != 0 || token.isEmpty()) {
			throw new IllegalStateException("createSession failed: " + answer.path("errorCode").asInt(-1));
		}
		return token;
	}

	private String nextRequestId() {
		return Long.toString(this.requestIds.incrementAndGet());
	}

	private JsonNode post(Envelope envelope) {
		byte[] body = this.mapper.writeValueAsBytes(envelope);
		if (this.restClient != null) {
			return this.restClient.post()
				.uri(this.url)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> this.mapper.readTree(response.getBody()), true);
		}
		HttpPost post = new HttpPost(this.url);
		post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		try {
			return this.http.execute(post, (response) -> {
				try (InputStream in = response.getEntity().getContent()) {
					return this.mapper.readTree(in);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		String current = this.token;
		if (current != null) {
			try {
				post(new Envelope(nextRequestId(), "admin", "deleteSession", Map.of(), current));
			}
			catch (RuntimeException ex) {
				// the server ends the session after its idle timeout
			}
		}
		this.http.close(CloseMode.GRACEFUL);
	}

	/**
	 * The FairCom request envelope.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Envelope(String requestId, String api, String action, Object params, String debug,
			@Nullable String authToken) {

		Envelope(String requestId, String api, String action, Object params, @Nullable String authToken) {
			this(requestId, api, action, params, "none", authToken);
		}

	}

}
