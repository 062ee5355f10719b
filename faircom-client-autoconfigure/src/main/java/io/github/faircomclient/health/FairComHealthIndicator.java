package io.github.faircomclient.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComLoginAttempt;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.SessionManager;

/**
 * {@link HealthIndicator} for the FairCom server of a {@link FairComTemplate}. It sends
 * {@code pingSession} without a session token, within a short timeout: it never logs in,
 * never creates a session and does not keep the template's session alive.
 * <ul>
 * <li>{@code UP}: the server answered the ping, and the last login (if any) was not
 * refused.</li>
 * <li>{@code DOWN}: the server did not answer in time, could not be reached, failed the
 * TLS handshake or answered with an error (detail {@code error}: exception type and a
 * message without secrets); or the server refused the last login and there is no session
 * (bad credentials, unknown client certificate, too many sessions).</li>
 * <li>{@code OUT_OF_SERVICE}: the template has been closed.</li>
 * </ul>
 * Details: {@code url} (scheme, host, port and path only), {@code session} ({@code none};
 * {@code active} when the template holds a session and the server answered;
 * {@code unconfirmed} when it holds one but the server did not answer, so the session may
 * be gone; with {@code sessionAge} and {@code permanentSession}),
 * {@code serverVersion} when the session reported one, and {@code lastLogin}
 * ({@code outcome}, {@code time}, {@code replacement} and, after a failure,
 * {@code error}). A login that failed for a transport reason shows in {@code lastLogin}
 * while the status follows the ping.
 * <p>
 * The indicator logs when the server's state changes, once: a WARN line (without a stack
 * trace) when the checks start failing or the server refuses the login, an INFO line when
 * the server answers again; checks in between log nothing, so an outage does not fill the
 * log.
 * <p>
 * {@link FairComHealthDetailsContributor}s add what runs on the template, such as MQ
 * listener containers.
 */
public class FairComHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The time the ping may take unless configured otherwise.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(FairComHealthIndicator.class);

	private final FairComTemplate template;

	private final Duration timeout;

	private final Clock clock;

	private final List<FairComHealthDetailsContributor> contributors;

	private final AtomicReference<String> lastState = new AtomicReference<>("up");

	/**
	 * Create an indicator with the {@linkplain #DEFAULT_TIMEOUT default timeout}.
	 * @param template the template whose server is checked
	 */
	public FairComHealthIndicator(FairComTemplate template) {
		this(template, DEFAULT_TIMEOUT);
	}

	/**
	 * Create an indicator.
	 * @param template the template whose server is checked
	 * @param timeout the total time the ping may take
	 */
	public FairComHealthIndicator(FairComTemplate template, Duration timeout) {
		this(template, timeout, Clock.systemUTC());
	}

	/**
	 * Create an indicator.
	 * @param template the template whose server is checked
	 * @param timeout the total time the ping may take
	 * @param clock the clock that tells the session's age
	 */
	public FairComHealthIndicator(FairComTemplate template, Duration timeout, Clock clock) {
		this(template, timeout, clock, List.of());
	}

	/**
	 * Create an indicator.
	 * @param template the template whose server is checked
	 * @param timeout the total time the ping may take
	 * @param clock the clock that tells the session's age
	 * @param contributors what adds details about what runs on the template
	 */
	public FairComHealthIndicator(FairComTemplate template, Duration timeout, Clock clock,
			List<FairComHealthDetailsContributor> contributors) {
		super("FairCom health check failed");
		Assert.notNull(template, "'template' must not be null");
		FairComConfigurationException.requirePositive("faircom.health.timeout", timeout, "2s");
		Assert.notNull(clock, "'clock' must not be null");
		this.template = template;
		this.timeout = timeout;
		this.clock = clock;
		this.contributors = List.copyOf(contributors);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		checkServer(builder);
		this.contributors.forEach((contributor) -> contributor.contribute(this.template, builder));
	}

	private void checkServer(Health.Builder builder) {
		String url = displayUrl(this.template.getUrl());
		builder.withDetail("url", url);
		SessionManager sessionManager = this.template.getSessionManager();
		FairComSession session = sessionManager.getCurrentSession();
		FairComLoginAttempt lastLogin = sessionManager.getLastLogin();
		if (this.template.isClosed()) {
			addSessionDetails(builder, session, "active", lastLogin);
			builder.outOfService().withDetail("closed", true);
			return;
		}
		FairComException failure = ping();
		addSessionDetails(builder, session, (failure != null) ? "unconfirmed" : "active", lastLogin);
		if (failure != null) {
			builder.down().withDetail("error", failure.getClass().getName() + ": " + failure.getMessage());
			stateChanged("down", () -> logger.warn("FairCom server " + url
					+ " is down: " + failure.getMessage() + " (logged once until its state changes)"));
		}
		else if (session == null && lastLogin != null
				&& lastLogin.failure() instanceof FairComAuthenticationException refused) {
			builder.down();
			stateChanged("login refused", () -> logger.warn("FairCom server " + url + " answers but refused the "
					+ "last login: " + refused.getMessage() + " (logged once until its state changes)"));
		}
		else {
			builder.up();
			stateChanged("up", () -> logger.info("FairCom server " + url + " answers again"));
		}
	}

	private @Nullable FairComException ping() {
		try {
			this.template.pingServer(this.timeout);
			return null;
		}
		catch (FairComException ex) {
			return ex;
		}
	}

	/**
	 * Log a state once when it differs from the one before.
	 */
	private void stateChanged(String state, Runnable log) {
		if (!state.equals(this.lastState.getAndSet(state))) {
			log.run();
		}
	}

	private void addSessionDetails(Health.Builder builder, @Nullable FairComSession session, String held,
			@Nullable FairComLoginAttempt lastLogin) {
		if (session == null) {
			builder.withDetail("session", "none");
		}
		else {
			addSessionDetails(builder, session, held);
		}
		if (lastLogin != null) {
			builder.withDetail("lastLogin", describe(lastLogin));
		}
	}

	private void addSessionDetails(Health.Builder builder, FairComSession session, String held) {
		Duration age = Duration.between(session.getCreatedAt(), this.clock.instant());
		builder.withDetail("session", held)
			.withDetail("sessionAge",
					(age.isNegative() ? Duration.ZERO : age.truncatedTo(ChronoUnit.SECONDS)).toString())
			.withDetail("permanentSession", session.isPermanent());
		if (session.getServerVersion() != null) {
			builder.withDetail("serverVersion", session.getServerVersion());
		}
	}

	private static Map<String, Object> describe(FairComLoginAttempt attempt) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("outcome", attempt.isSuccessful() ? "success" : "failure");
		details.put("time", attempt.time().truncatedTo(ChronoUnit.MILLIS).toString());
		details.put("replacement", attempt.replacement());
		FairComException failure = attempt.failure();
		if (failure != null) {
			details.put("error", failure.getClass().getName() + ": " + failure.getMessage());
		}
		return details;
	}

	static String displayUrl(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

}
