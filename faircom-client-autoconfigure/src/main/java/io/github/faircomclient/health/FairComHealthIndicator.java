package io.github.faircomclient.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * Details: {@code url} (scheme, host, port and path only), {@code session} ({@code none}
 * or {@code active}, with {@code sessionAge} and {@code permanentSession}),
 * {@code serverVersion} when the session reported one, and {@code lastLogin}
 * ({@code outcome}, {@code time}, {@code replacement} and, after a failure,
 * {@code error}). A login that failed for a transport reason shows in {@code lastLogin}
 * while the status follows the ping.
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
		super("FairCom health check failed");
		Assert.notNull(template, "'template' must not be null");
		FairComConfigurationException.requirePositive("faircom.health.timeout", timeout, "2s");
		Assert.notNull(clock, "'clock' must not be null");
		this.template = template;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("url", displayUrl(this.template.getUrl()));
		SessionManager sessionManager = this.template.getSessionManager();
		FairComSession session = sessionManager.getCurrentSession();
		addSessionDetails(builder, session);
		FairComLoginAttempt lastLogin = sessionManager.getLastLogin();
		if (lastLogin != null) {
			builder.withDetail("lastLogin", describe(lastLogin));
		}
		if (this.template.isClosed()) {
			builder.outOfService().withDetail("closed", true);
			return;
		}
		try {
			this.template.pingServer(this.timeout);
		}
		catch (FairComException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("FairCom server " + displayUrl(this.template.getUrl()) + " did not answer the ping: "
						+ ex.getMessage());
			}
			builder.down(ex);
			return;
		}
		if (session == null && lastLogin != null && lastLogin.failure() instanceof FairComAuthenticationException) {
			builder.down();
			return;
		}
		builder.up();
	}

	private void addSessionDetails(Health.Builder builder, @Nullable FairComSession session) {
		if (session == null) {
			builder.withDetail("session", "none");
			return;
		}
		Duration age = Duration.between(session.getCreatedAt(), this.clock.instant());
		builder.withDetail("session", "active")
			.withDetail("sessionAge", (age.isNegative() ? Duration.ZERO : age.truncatedTo(ChronoUnit.SECONDS)).toString())
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
