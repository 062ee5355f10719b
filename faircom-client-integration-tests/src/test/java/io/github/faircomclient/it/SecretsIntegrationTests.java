package io.github.faircomclient.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.autoconfigure.FairComProperties;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.FairComSessionEvent;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.EmulatedSession;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * R5: with every client-side logger at TRACE, the login, expiry, failure and shutdown
 * paths never put the password, the passphrase of the client key or a session token into
 * a log event, an exception (message, causes, suppressed) or the {@code toString()} of the
 * client's beans, sessions and events. Runs over mutual TLS with an encrypted client key.
 * The emulator and its Jetty are the server side and stay at INFO.
 */
@Tag("reliability")
class SecretsIntegrationTests {

	private static final String PASSWORD = "Pa55-w0rd-that-must-not-leak";

	private static final String WRONG_PASSWORD = "Wr0ng-pa55-w0rd-that-must-not-leak";

	private static TlsMaterial tls;

	private static FairComEmulator emulator;

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

	private final Map<String, Level> levels = new ConcurrentHashMap<>();

	private final Set<String> tokens = ConcurrentHashMap.newKeySet();

	private final List<String> texts = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		emulator = FairComEmulator.builder()
			.httpsPort(0)
			.tls(tls)
			.clientAuth(ClientAuth.NEED)
			.user("app", PASSWORD)
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	@BeforeEach
	void traceEverythingOnTheClientSide() {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
			this.detached.add(it.next());
		}
		this.detached.forEach(root::detachAppender);
		setLevel(root, Level.TRACE);
		setLevel(loggers.getLogger("org.eclipse.jetty"), Level.INFO);
		setLevel(loggers.getLogger("io.github.faircomclient.test"), Level.INFO);
		this.events.start();
		root.addAppender(this.events);
	}

	private void setLevel(Logger logger, Level level) {
		this.levels.put(logger.getName(), (logger.getLevel() != null) ? logger.getLevel() : Level.OFF);
		logger.setLevel(level);
	}

	@AfterEach
	void restoreLogging() {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.events);
		this.detached.forEach(root::addAppender);
		this.levels.forEach((name, level) -> loggers.getLogger(name)
			.setLevel((level == Level.OFF && !name.equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) ? null : level));
	}

	private ApplicationContextRunner runner(CertificateFiles client, String password) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class))
			.withBean(TokenCollector.class, () -> new TokenCollector(this.tokens, this.texts))
			.withPropertyValues(
					"spring.ssl.bundle.pem.faircom.truststore.certificate=" + tls.caCertificate().toUri(),
					"spring.ssl.bundle.pem.faircom.keystore.certificate=" + client.certificate().toUri(),
					"spring.ssl.bundle.pem.faircom.keystore.private-key=" + client.privateKey().toUri(),
					"spring.ssl.bundle.pem.faircom.keystore.private-key-password=" + client.passphrase().orElseThrow(),
					"faircom.url=" + emulator.httpsUrl(), "faircom.ssl.bundle=faircom", "faircom.username=app",
					"faircom.password=" + password, "faircom.retry.initial-backoff=1ms",
					"faircom.retry.max-backoff=2ms");
	}

	@Test
	void noSecretLeaksOnTheLoginExpiryFailureAndShutdownPaths() {
		CertificateFiles client = tls.encryptedClientCertificate("app");
		String passphrase = client.passphrase().orElseThrow();
		runner(client, PASSWORD).run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.execute("admin", "listSessions", null);
			collectTokens();
			emulator.faults().expireAllSessions();
			template.execute("admin", "pingSession", null);
			collectTokens();
			emulator.faults().failNext(3, Fault.dropConnection());
			fails(() -> template.execute("admin", "describeSessions", null));
			emulator.faults().failNext(1, Fault.truncatedJson());
			fails(() -> template.execute("admin", "alterSession", Map.of("description", "x")));
			emulator.faults().failNext(1, Fault.tooManyRequests(Duration.ofMinutes(5)));
			fails(() -> template.execute("admin", "listSessions", null));
			fails(() -> template.execute("admin", "alterSession", Map.of("idleConnectionTimeoutSeconds", "soon")));
			emulator.faults().expireAllSessions();
			fails(() -> template.execute(FairComRequest.of("db", "getRecordsFromCursor", Map.of("cursorId", "C1"))));
			template.execute("admin", "listSessions", null);
			collectTokens();
			this.texts.add(context.getBean(FairComProperties.class).toString());
			this.texts.add(context.getBean(FairComConnectionDetails.class).toString());
			this.texts.add(context.getBean(FairComAuthentication.class).toString());
			this.texts.add(template.toString());
			this.texts.add(template.getSessionManager().toString());
			this.texts.add(String.valueOf(template.getSessionManager().getCurrentSession()));
			this.texts.add(context.getBean(SslBundles.class).getBundle("faircom").toString());
		});
		assertThat(emulator.sessions()).as("logged out on shutdown").isEmpty();
		runner(client, WRONG_PASSWORD).run((context) -> fails(
				() -> context.getBean(FairComTemplate.class).execute("admin", "listSessions", null)));
		runner(client, WRONG_PASSWORD).withPropertyValues("faircom.session.login=eager")
			.run((context) -> this.texts.add(describe(context.getStartupFailure())));
		assertThat(this.tokens).as("tokens seen").hasSizeGreaterThanOrEqualTo(3);
		List<String> logs = clientLogs();
		assertThat(logs).as("TRACE reached the client").anyMatch((line) -> line.contains("createSession"))
			.anyMatch((line) -> line.contains("deleteSession"))
			.anyMatch((line) -> line.contains("Retrying FairCom"))
			.anyMatch((line) -> line.startsWith("TRACE"));
		List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, passphrase));
		secrets.addAll(this.tokens);
		for (String secret : secrets) {
			assertThat(logs).as("logs").noneMatch((line) -> line.contains(secret));
			assertThat(this.texts).as("exceptions and toString").noneMatch((text) -> text.contains(secret));
		}
		io.github.faircomclient.it.support.Reliability.record("R5", logs.size() + " client log events at TRACE, "
				+ this.texts.size() + " exceptions and toString() outputs, " + secrets.size()
				+ " secrets (password, wrong password, key passphrase, " + this.tokens.size()
				+ " session tokens): none found");
	}

	private void collectTokens() {
		for (EmulatedSession session : emulator.sessions()) {
			this.tokens.add(session.authToken());
		}
	}

	private void fails(Runnable call) {
		assertThatExceptionOfType(FairComException.class).isThrownBy(call::run)
			.satisfies((ex) -> this.texts.add(describe(ex)));
	}

	private static String describe(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return failure + "\n" + trace;
	}

	private List<String> clientLogs() {
		List<ILoggingEvent> events;
		synchronized (this.events) {
			// a copy under the appender's lock: emulator and keepalive threads may still be logging
			events = new ArrayList<>(this.events.list);
		}
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : events) {
			if (event.getLoggerName().startsWith("org.eclipse.jetty")
					|| event.getLoggerName().startsWith("io.github.faircomclient.test")) {
				continue;
			}
			String line = event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
			if (event.getThrowableProxy() != null) {
				line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
			}
			lines.add(line);
		}
		return lines;
	}

	static class TokenCollector implements ApplicationListener<FairComSessionEvent> {

		private final Set<String> tokens;

		private final List<String> texts;

		TokenCollector(Set<String> tokens, List<String> texts) {
			this.tokens = tokens;
			this.texts = texts;
		}

		@Override
		public void onApplicationEvent(FairComSessionEvent event) {
			this.tokens.add(event.getSession().getToken());
			this.texts.add(event.toString());
		}

	}

}
