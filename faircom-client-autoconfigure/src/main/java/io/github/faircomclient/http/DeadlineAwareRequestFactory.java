package io.github.faircomclient.http;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * {@link HttpComponentsClientHttpRequestFactory} that hands every request it creates to
 * the current call's deadline, so that the deadline can cancel it.
 */
final class DeadlineAwareRequestFactory extends HttpComponentsClientHttpRequestFactory {

	private final CallDeadlines deadlines;

	DeadlineAwareRequestFactory(HttpClient httpClient, CallDeadlines deadlines) {
		super(httpClient);
		this.deadlines = deadlines;
	}

	@Override
	protected void postProcessHttpRequest(ClassicHttpRequest request) {
		if (request instanceof Cancellable cancellable) {
			this.deadlines.attach(cancellable);
		}
	}

}
