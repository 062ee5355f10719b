package io.github.faircomclient.core;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.FairComSessionListener;
import io.github.faircomclient.session.FairComSessionSettings;
import io.github.faircomclient.session.LifecycleAwareSessionManager;

/**
 * The login side of {@link FairComTemplateBuilder#build()}: the check that a way to log in
 * is configured and fits the url, and the {@link LifecycleAwareSessionManager} an
 * authentication gets, with the keepalive scheduler the template creates and owns when it
 * was given none: one daemon thread, or with virtual threads a
 * {@link SimpleAsyncTaskScheduler} that waits on a virtual thread and runs each check on a
 * new one (Spring Boot's idiom for {@code spring.threads.virtual.enabled}).
 */
final class SessionManagerFactory {

	static final String KEEPALIVE_THREAD_NAME_PREFIX = "faircom-keepalive-";

	private SessionManagerFactory() {
	}

	/**
	 * Check, before anything is created, that the template has a way to log in and that a
	 * client-certificate login goes to an https url.
	 */
	static void checkLogin(URI url, @Nullable FairComAuthentication authentication, boolean ownSessionManager) {
		if (authentication == null && !ownSessionManager) {
			throw new FairComConfigurationException("faircom.username", null, "no way to log in is configured",
					"Set faircom.username and faircom.password, faircom.session.token, or a client certificate "
							+ "(credentials(), token() or clientCertificate() on the builder).");
		}
		if (!"https".equalsIgnoreCase(url.getScheme()) && authentication instanceof ClientCertificateAuthentication) {
			throw new FairComConfigurationException("faircom.url", url,
					"a client-certificate login needs an https url",
					"Set faircom.url to the server's https endpoint, or log in with faircom.username and "
							+ "faircom.password.");
		}
	}

	static LifecycleAwareSessionManager lifecycleAware(FairComAuthentication authentication, Exchange exchange,
			FairComSessionSettings settings, @Nullable TaskScheduler taskScheduler, Clock clock, boolean keepalive,
			boolean virtualThreads, Duration logoutTimeout, FairComSessionListener listener,
			ObservationRegistry observationRegistry, @Nullable FairComSessionObservationConvention convention,
			List<AutoCloseable> owned) {
		TaskScheduler scheduler = (taskScheduler != null) ? taskScheduler
				: keepaliveScheduler(clock, virtualThreads, owned);
		LifecycleAwareSessionManager sessionManager = new LifecycleAwareSessionManager(authentication, exchange,
				settings, scheduler, clock, keepalive, logoutTimeout, listener);
		sessionManager.setObservationRegistry(observationRegistry);
		sessionManager.setObservationConvention(convention);
		return sessionManager;
	}

	/**
	 * Create the keepalive scheduler and add what shuts it down to the template's owned
	 * resources.
	 */
	static TaskScheduler keepaliveScheduler(Clock clock, boolean virtualThreads, List<AutoCloseable> owned) {
		if (virtualThreads) {
			SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
			scheduler.setVirtualThreads(true);
			scheduler.setThreadNamePrefix(KEEPALIVE_THREAD_NAME_PREFIX);
			scheduler.setClock(clock);
			owned.add(scheduler::close);
			return scheduler;
		}
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setDaemon(true);
		scheduler.setThreadNamePrefix(KEEPALIVE_THREAD_NAME_PREFIX);
		scheduler.setRemoveOnCancelPolicy(true);
		scheduler.setClock(clock);
		scheduler.initialize();
		owned.add(scheduler::destroy);
		return scheduler;
	}

}
