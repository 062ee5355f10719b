package io.github.faircomclient.http;

import java.io.IOException;
import java.net.URI;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * {@link HttpComponentsClientHttpRequestFactory} that hands every request it creates, and
 * its HttpClient context, to the current exchange's deadline, so that the deadline can
 * cancel it and a failure can be told apart by the connection it used; an exchange outside
 * the pool gets the side pool's client.
 */
final class DeadlineAwareRequestFactory extends HttpComponentsClientHttpRequestFactory {

	private final CloseableHttpClient sideClient;

	private final CallDeadlines deadlines;

	DeadlineAwareRequestFactory(CloseableHttpClient httpClient, CloseableHttpClient sideClient,
			CallDeadlines deadlines) {
		super(httpClient);
		this.sideClient = sideClient;
		this.deadlines = deadlines;
	}

	@Override
	public HttpClient getHttpClient() {
		return (this.deadlines.currentIsOutsidePool()) ? this.sideClient : super.getHttpClient();
	}

	@Override
	protected HttpContext createHttpContext(HttpMethod httpMethod, URI uri) {
		HttpClientContext context = HttpClientContext.create();
		this.deadlines.attach(context);
		return context;
	}

	@Override
	protected void postProcessHttpRequest(ClassicHttpRequest request) {
		if (request instanceof Cancellable cancellable) {
			this.deadlines.attach(cancellable);
		}
	}

	@Override
	public void destroy() throws IOException {
		try {
			((CloseableHttpClient) super.getHttpClient()).close(CloseMode.IMMEDIATE);
		}
		finally {
			this.sideClient.close(CloseMode.IMMEDIATE);
		}
	}

}
