package io.github.faircomclient.http;

import java.net.ProxySelector;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * {@link SystemDefaultRoutePlanner} that asks the JVM's {@link ProxySelector} once per
 * target instead of on every request: a transport posts to one server, so the answer
 * does not change while the proxy settings do not. Proxy settings changed after the
 * first request to a target are not seen.
 */
final class ProxyDecidedOnceRoutePlanner extends SystemDefaultRoutePlanner {

	private volatile @Nullable Decision decision;

	ProxyDecidedOnceRoutePlanner(@Nullable ProxySelector proxySelector) {
		super(DefaultSchemePortResolver.INSTANCE, proxySelector);
	}

	@Override
	protected @Nullable HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
		Decision decision = this.decision;
		if (decision != null && decision.target().equals(target)) {
			return decision.proxy();
		}
		HttpHost proxy = super.determineProxy(target, context);
		this.decision = new Decision(target, proxy);
		return proxy;
	}

	private record Decision(HttpHost target, @Nullable HttpHost proxy) {
	}

}
