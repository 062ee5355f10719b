package io.github.faircomclient.test.spi;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listed in the test classpath's META-INF/services; registers nothing so other tests are not affected.
 */
public class DiscoveredPlugin implements EmulatorPlugin {

	static final AtomicInteger CLOSED = new AtomicInteger();

	private volatile boolean installed;

	@Override
	public void install(EmulatorPluginContext context) {
		this.installed = true;
	}

	boolean installed() {
		return this.installed;
	}

	@Override
	public void close() {
		CLOSED.incrementAndGet();
	}

}
