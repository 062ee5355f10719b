package io.github.faircomclient.http;

import java.net.URI;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * {@link HttpComponentsClientHttpRequestFactory} that hands every request it creates, and
 * its HttpClient context, to the current call's deadline, so that the deadline can cancel
 * it and a failure can be told apart by the connection it used.
 */
final class DeadlineAwareRequestFactory extends HttpComponentsClientHttpRequestFactory {

	private final CallDeadlines deadlines;

	DeadlineAwareRequestFactory(HttpClient httpClient, CallDeadlines deadlines) {
		super(httpClient);
		this.deadlines = deadlines;
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

}
