package io.github.faircomclient.it.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.admin.AccountClone;
import io.github.faircomclient.admin.AccountProperties;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.HostileServer;
import io.github.faircomclient.it.support.HostileServer.Answer;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every client-side logger at TRACE, the passwords of accounts created, altered,
 * cloned and logged in with through the typed admin operations reach no log event, no
 * exception (message, causes, suppressed) and no {@code toString()}: neither against the
 * emulator (which never echoes them) nor against a server that echoes the password of
 * {@code createAccount} in its error message and {@code debugInfo}.
 */
class AccountSecretsIntegrationTests {

	private static final String CREATED = "Cr3ated-Passw0rd-must-not-leak";

	private static final String CHANGED = "Chang3d-Passw0rd-must-not-leak";

	private static final String CLONED = "Cl0ned-Passw0rd-must-not-leak";

	private static final String WRONG = "Wr0ng-Passw0rd-must-not-leak";

	private static final String ECHOED = "Ech0ed-Passw0rd-must-not-leak";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

	private final Map<String, Level> levels = new ConcurrentHashMap<>();

	private final List<String> texts = new ArrayList<>();

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

	@Test
	void noAccountPasswordLeaksFromTheAccountActionsOrTheirLogins() throws Exception {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
				FairComTemplate template = template(emulator, "app", "secret")) {
			AdminOperations admin = template.admin();
			admin.createAccount("reporting", AccountProperties.builder().password(CREATED).build());
			try (FairComTemplate reporting = template(emulator, "reporting", CREATED)) {
				reporting.admin().pingSession();
				this.texts.add(reporting.toString());
				this.texts.add(reporting.getSessionManager().toString());
				this.texts.add(String.valueOf(reporting.getSessionManager().getLastLogin()));
			}
			try (FairComTemplate wrong = template(emulator, "reporting", WRONG)) {
				fails(() -> wrong.admin().pingSession());
				this.texts.add(String.valueOf(wrong.getSessionManager().getLastLogin()));
			}
			AccountProperties changed = AccountProperties.builder().password(CHANGED).build();
			admin.alterAccount("reporting", changed);
			AccountClone clone = AccountClone.builder("reporting", "reporting2").password(CLONED).build();
			admin.cloneAccount(clone);
			fails(() -> admin.cloneAccount(clone));
			fails(() -> admin.createAccount("reporting", changed));
			try (FairComTemplate cloned = template(emulator, "reporting2", CLONED)) {
				cloned.admin().describeAccounts().forEach((account) -> this.texts.add(account.toString()));
			}
			admin.listAccounts().forEach((account) -> this.texts.add(account + " " + account.details()));
			admin.dropAccounts(List.of("reporting", "reporting2"));
			this.texts.add(changed.toString());
			this.texts.add(clone.toString());
		}
		try (HostileServer server = new HostileServer()) {
			server.answer((request, out) -> {
				if (!"createAccount".equals(request.action())) {
					Answer.VALID.write(request, out);
					return;
				}
				out.write(Answer.http(200, "application/json", ("{\"requestId\":\"" + request.requestId()
						+ "\",\"errorCode\":99999,\"errorMessage\":\"password '" + ECHOED + "' is too weak\\r\\n"
						+ "INFO forged\",\"debugInfo\":{\"request\":{\"params\":{\"username\":\"reporting\","
						+ "\"password\":\"" + ECHOED + "\"}},\"warnings\":[{\"code\":1,\"message\":\""
						+ ECHOED.substring(0, 10) + "\"}]}}").getBytes(StandardCharsets.UTF_8)));
			});
			try (FairComTemplate template = FairComTemplate.builder()
				.url(server.url())
				.credentials("app", "secret")
				.keepalive(false)
				.build()) {
				assertThatExceptionOfType(FairComApiException.class)
					.isThrownBy(() -> template.admin()
						.createAccount("reporting", AccountProperties.builder().password(ECHOED).build()))
					.satisfies((ex) -> {
						assertThat(ex.getErrorMessage()).isEqualTo("password '******' is too weak\\r\\nINFO forged");
						this.texts.add(describe(ex));
					});
			}
		}
		List<String> logs = clientLogs();
		assertThat(logs).as("TRACE reached the client")
			.anyMatch((line) -> line.contains("admin/createAccount"))
			.anyMatch((line) -> line.contains("admin/alterAccount"))
			.anyMatch((line) -> line.contains("admin/cloneAccount"))
			.anyMatch((line) -> line.startsWith("DEBUG"));
		assertThat(this.texts).hasSizeGreaterThanOrEqualTo(10);
		for (String secret : List.of(CREATED, CHANGED, CLONED, WRONG, ECHOED, ECHOED.substring(0, 10))) {
			assertThat(logs).as("logs").noneMatch((line) -> line.contains(secret));
			assertThat(this.texts).as("exceptions and toString").noneMatch((text) -> text.contains(secret));
		}
	}

	private static FairComTemplate template(FairComEmulator emulator, String username, String password) {
		return FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials(username, password)
			.keepalive(false)
			.build();
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
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : this.events.list) {
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

}
