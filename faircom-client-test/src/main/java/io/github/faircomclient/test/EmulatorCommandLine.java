package io.github.faircomclient.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.faircomclient.test.db.DbPlugin;
import org.jspecify.annotations.Nullable;

/**
 * The standalone emulator's command line, parsed into a {@link FairComEmulatorBuilder}.
 */
final class EmulatorCommandLine {

	static final String USAGE = """
			Usage: java -jar faircom-client-test-<version>-emulator.jar [options]

			Runs an emulated FairCom JSON Action API server (POST /api) until stopped (Ctrl+C or SIGTERM).

			Options:
			  --http-port <port>       HTTP port; 0 picks a free port (default 8080)
			  --no-http                no HTTP listener (needs --https-port or --cert)
			  --https-port <port>      HTTPS port; 0 picks a free port (default 8443 when --cert is given)
			  --cert <file>            PEM server certificate (chain) for HTTPS
			  --key <file>             PEM private key of the server certificate
			  --key-password <text>    passphrase of an encrypted --key
			  --client-ca <file>       PEM CA certificate(s) that client certificates must chain to
			  --client-auth <mode>     none, want or need (default need with --client-ca, otherwise none)
			  --host <address>         address to bind (default 127.0.0.1; 0.0.0.0 for all)
			  --user <name:password>   an account; repeatable (default ADMIN:ADMIN)
			  --idle-timeout <seconds> default session idle timeout (default 3600; 0 = never)
			  --profile <profile>      newest (default), older, unauthorized-401, legacy, or overrides like
			                           older,sessionGoneAnswer=ERROR_12031_HTTP_401
			  --permanent-sessions     allow createSession with permanentSession true
			  --data-dir <dir>         keep the DB API's databases in files in <dir> (created if missing), so
			                           they survive a restart; default: in memory
			  --request-log            print one line per request on standard error: time, client address,
			                           api/action, HTTP status, errorCode, milliseconds (no params or tokens)
			  --write-tls <dir>        write ca.pem, server.pem, server-key.pem (localhost, 127.0.0.1),
			                           client.pem and client-key.pem (CN = the first --user, default ADMIN)
			                           into <dir>, print the options and Spring properties that use them,
			                           and exit; existing files are never overwritten
			  --help                   show this help

			On start it prints one line per listener, e.g.
			  FairCom emulator listening on http://127.0.0.1:8080/api
			""";

	private static final Set<String> WRITE_TLS_OPTIONS = Set.of("--write-tls", "--user");

	private EmulatorCommandLine() {
	}

	/**
	 * Parses the arguments.
	 * @return the parsed options, with {@code help} set when help was asked for
	 * @throws IllegalArgumentException with a message naming the bad argument
	 */
	static Options parse(String... args) {
		Options options = new Options();
		for (int i = 0; i < args.length; i++) {
			String argument = args[i];
			String name = argument;
			String inlineValue = null;
			int equals = argument.indexOf('=');
			if (argument.startsWith("--") && equals > 0) {
				name = argument.substring(0, equals);
				inlineValue = argument.substring(equals + 1);
			}
			switch (name) {
				case "--help", "-h" -> options.help = true;
				case "--no-http" -> options.http = false;
				case "--permanent-sessions" -> options.permanentSessions = true;
				case "--request-log" -> options.requestLog = true;
				default -> {
					String value = inlineValue;
					if (value == null) {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("Option " + name + " needs a value");
						}
						value = args[++i];
					}
					apply(options, name, value);
				}
			}
			options.given.add(name);
		}
		if (options.writeTls != null && !options.help && !WRITE_TLS_OPTIONS.containsAll(options.given)) {
			throw new IllegalArgumentException(
					"--write-tls writes files and exits; combine it only with --user (the client certificate's CN)");
		}
		return options;
	}

	private static void apply(Options options, String name, String value) {
		switch (name) {
			case "--http-port" -> options.httpPort = port(name, value);
			case "--https-port" -> options.httpsPort = port(name, value);
			case "--cert" -> options.certificate = Path.of(value);
			case "--key" -> options.key = Path.of(value);
			case "--key-password" -> options.keyPassword = value;
			case "--client-ca" -> options.clientCa = Path.of(value);
			case "--client-auth" -> options.clientAuth = clientAuth(value);
			case "--host" -> options.host = value;
			case "--user" -> {
				int colon = value.indexOf(':');
				if (colon <= 0) {
					throw new IllegalArgumentException("--user needs name:password, e.g. --user ADMIN:ADMIN");
				}
				options.users.add(new String[] { value.substring(0, colon), value.substring(colon + 1) });
			}
			case "--idle-timeout" -> {
				int seconds = integer(name, value);
				if (seconds < 0) {
					throw new IllegalArgumentException("--idle-timeout must be 0 (never) or more seconds, not " + value);
				}
				options.idleTimeoutSeconds = seconds;
			}
			case "--profile" -> options.profile = CompatibilityProfile.parse(value);
			case "--data-dir" -> options.dataDirectory = Path.of(value);
			case "--write-tls" -> options.writeTls = Path.of(value);
			default -> throw new IllegalArgumentException("Unknown option " + name);
		}
	}

	private static int port(String name, String value) {
		int port = integer(name, value);
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be a port between 0 and 65535, not " + value);
		}
		return port;
	}

	private static int integer(String name, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
		}
	}

	private static ClientAuth clientAuth(String value) {
		try {
			return ClientAuth.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--client-auth must be none, want or need, not '" + value + "'");
		}
	}

	/**
	 * The parsed command line.
	 */
	static final class Options {

		boolean help;

		boolean http = true;

		@Nullable Integer httpPort;

		@Nullable Integer httpsPort;

		@Nullable Path certificate;

		@Nullable Path key;

		@Nullable String keyPassword;

		@Nullable Path clientCa;

		@Nullable ClientAuth clientAuth;

		String host = "127.0.0.1";

		final List<String[]> users = new ArrayList<>();

		@Nullable Integer idleTimeoutSeconds;

		CompatibilityProfile profile = CompatibilityProfile.NEWEST;

		boolean permanentSessions;

		@Nullable Path dataDirectory;

		boolean requestLog;

		@Nullable Path writeTls;

		final Set<String> given = new LinkedHashSet<>();

		/**
		 * The account the client certificate of {@code --write-tls} is for: the first {@code --user}, else ADMIN.
		 * @return the account name
		 */
		String clientCommonName() {
			return this.users.isEmpty() ? "ADMIN" : this.users.get(0)[0];
		}

		/**
		 * The emulator these options describe.
		 * @throws IllegalArgumentException if options contradict each other
		 */
		FairComEmulatorBuilder toBuilder() {
			FairComEmulatorBuilder builder = FairComEmulator.builder()
				.host(this.host)
				.profile(this.profile)
				.permanentSessions(this.permanentSessions);
			if (this.http) {
				builder.httpPort((this.httpPort != null) ? this.httpPort : 8080);
			}
			else {
				if (this.httpPort != null) {
					throw new IllegalArgumentException("--no-http and --http-port contradict each other");
				}
				builder.withoutHttp();
			}
			if ((this.certificate == null) != (this.key == null)) {
				throw new IllegalArgumentException("HTTPS needs both --cert and --key");
			}
			if (this.httpsPort != null && this.certificate == null) {
				throw new IllegalArgumentException("--https-port needs --cert and --key");
			}
			if (this.certificate != null) {
				builder.serverCertificate(this.certificate, this.key, this.keyPassword)
					.httpsPort((this.httpsPort != null) ? this.httpsPort : 8443);
			}
			if (this.clientCa != null) {
				if (this.certificate == null) {
					throw new IllegalArgumentException("--client-ca needs HTTPS (--cert and --key)");
				}
				builder.clientCertificateTrust(this.clientCa);
			}
			if (this.clientAuth != null) {
				if (this.clientAuth != ClientAuth.NONE && this.clientCa == null) {
					throw new IllegalArgumentException("--client-auth " + this.clientAuth.name().toLowerCase(Locale.ROOT)
							+ " needs --client-ca");
				}
				if (this.certificate != null) {
					builder.clientAuth(this.clientAuth);
				}
			}
			for (String[] user : this.users) {
				builder.user(user[0], user[1]);
			}
			if (this.idleTimeoutSeconds != null) {
				builder.sessionIdleTimeout(Duration.ofSeconds(this.idleTimeoutSeconds));
			}
			if (this.dataDirectory != null) {
				builder.plugin(new DbPlugin(this.dataDirectory));
			}
			return builder;
		}

	}

}
