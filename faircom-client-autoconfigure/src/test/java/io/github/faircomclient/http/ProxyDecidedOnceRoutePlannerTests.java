package io.github.faircomclient.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProxyDecidedOnceRoutePlanner}.
 */
class ProxyDecidedOnceRoutePlannerTests {

	private final RecordingProxySelector selector = new RecordingProxySelector();

	private final ProxyDecidedOnceRoutePlanner planner = new ProxyDecidedOnceRoutePlanner(this.selector);

	@Test
	void asksTheProxySelectorOncePerTarget() throws Exception {
		HttpHost server = new HttpHost("http", "faircom.example.com", 8080);
		this.selector.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));
		HttpRoute first = this.planner.determineRoute(server, HttpClientContext.create());
		this.selector.proxy = Proxy.NO_PROXY;
		HttpRoute second = this.planner.determineRoute(server, HttpClientContext.create());
		assertThat(this.selector.asked).containsExactly(URI.create("http://faircom.example.com:8080"));
		assertThat(first.getProxyHost()).isEqualTo(new HttpHost("http", "proxy.example.com", 3128));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void asksAgainForAnotherTarget() throws Exception {
		this.selector.proxy = Proxy.NO_PROXY;
		HttpRoute direct = this.planner.determineRoute(new HttpHost("https", "a.example.com", 8443),
				HttpClientContext.create());
		this.selector.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));
		HttpRoute proxied = this.planner.determineRoute(new HttpHost("https", "b.example.com", 8443),
				HttpClientContext.create());
		assertThat(this.selector.asked).hasSize(2);
		assertThat(direct.getProxyHost()).isNull();
		assertThat(proxied.getProxyHost()).isEqualTo(new HttpHost("http", "proxy.example.com", 3128));
	}

	private static final class RecordingProxySelector extends ProxySelector {

		private final List<URI> asked = new ArrayList<>();

		private Proxy proxy = Proxy.NO_PROXY;

		@Override
		public List<Proxy> select(URI uri) {
			this.asked.add(uri);
			return List.of(this.proxy);
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, IOException ex) {
		}

	}

}
