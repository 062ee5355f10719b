package io.github.faircomclient.test.autoconfigure;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import io.github.faircomclient.test.FairComEmulator;

/**
 * Gives each test method of a context the emulator as the one before found it: after each
 * test, pending faults and latency are cleared and a stopped emulator is started again (on
 * its port). Sessions, data and action counts stay, since the context and what it did at
 * startup stay too.
 */
class FairComEmulatorTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		for (FairComEmulator emulator : context.getBeanProvider(FairComEmulator.class)) {
			emulator.faults().clear();
			if (!emulator.isRunning()) {
				emulator.start();
			}
		}
	}

}
