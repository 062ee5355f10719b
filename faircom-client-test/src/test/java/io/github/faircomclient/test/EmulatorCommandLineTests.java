package io.github.faircomclient.test;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatorCommandLineTests {

	@Test
	void parsesEveryOption() {
		EmulatorCommandLine.Options options = EmulatorCommandLine.parse("--http-port", "0", "--https-port=8444", "--cert",
				"server.pem", "--key", "server-key.pem", "--key-password", "pw", "--client-ca", "ca.pem", "--client-auth", "WANT",
				"--host", "0.0.0.0", "--user", "ADMIN:ADMIN", "--user", "jim:a:b", "--idle-timeout", "0", "--profile", "legacy",
				"--permanent-sessions");
		assertThat(options.help).isFalse();
		assertThat(options.httpPort).isZero();
		assertThat(options.httpsPort).isEqualTo(8444);
		assertThat(options.certificate).isEqualTo(Path.of("server.pem"));
		assertThat(options.key).isEqualTo(Path.of("server-key.pem"));
		assertThat(options.keyPassword).isEqualTo("pw");
		assertThat(options.clientCa).isEqualTo(Path.of("ca.pem"));
		assertThat(options.clientAuth).isEqualTo(ClientAuth.WANT);
		assertThat(options.host).isEqualTo("0.0.0.0");
		assertThat(options.users).extracting((user) -> user[0] + "=" + user[1]).containsExactly("ADMIN=ADMIN", "jim=a:b");
		assertThat(options.idleTimeoutSeconds).isZero();
		assertThat(options.profile).isSameAs(CompatibilityProfile.LEGACY);
		assertThat(options.permanentSessions).isTrue();
	}

	@Test
	void parsesTheStandaloneOptions() {
		EmulatorCommandLine.Options options = EmulatorCommandLine.parse("--data-dir", "data", "--request-log");
		assertThat(options.dataDirectory).isEqualTo(Path.of("data"));
		assertThat(options.requestLog).isTrue();
		assertThat(options.writeTls).isNull();
		EmulatorCommandLine.Options tls = EmulatorCommandLine.parse("--write-tls=tls", "--user", "jim:secret", "--user",
				"ann:pw");
		assertThat(tls.writeTls).isEqualTo(Path.of("tls"));
		assertThat(tls.clientCommonName()).as("the first --user").isEqualTo("jim");
		assertThat(EmulatorCommandLine.parse("--write-tls", "tls").clientCommonName()).isEqualTo("ADMIN");
		assertThat(EmulatorCommandLine.parse().dataDirectory).isNull();
		assertThat(EmulatorCommandLine.parse().requestLog).isFalse();
	}

	@Test
	void helpWins() {
		assertThat(EmulatorCommandLine.parse("--help").help).isTrue();
		assertThat(EmulatorCommandLine.parse("--write-tls", "tls", "--http-port", "1", "--help").help).isTrue();
		assertThat(EmulatorCommandLine.USAGE).contains("--http-port", "--https-port", "--cert", "--key", "--client-ca",
				"--client-auth", "--user", "--idle-timeout", "--profile", "--data-dir", "--request-log", "--write-tls",
				"--help");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "--http-port|Option --http-port needs a value",
			"--http-port x|--http-port needs a number, not 'x'", "--https-port 70000|--https-port must be a port between 0 and 65535, not 70000",
			"--client-auth maybe|--client-auth must be none, want or need, not 'maybe'",
			"--user ADMIN|--user needs name:password, e.g. --user ADMIN:ADMIN",
			"--idle-timeout -1|--idle-timeout must be 0 (never) or more seconds, not -1", "--verbose x|Unknown option --verbose",
			"--profile newer|Unknown profile 'newer'; use newest, older, unauthorized-401 or legacy",
			"--data-dir|Option --data-dir needs a value", "--write-tls|Option --write-tls needs a value",
			"--write-tls tls --http-port 0|--write-tls writes files and exits; combine it only with --user (the client certificate's CN)",
			"--request-log --write-tls tls|--write-tls writes files and exits; combine it only with --user (the client certificate's CN)" })
	void refusesBadArguments(String arguments, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorCommandLine.parse(arguments.split(" ")))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "--https-port 0|--https-port needs --cert and --key",
			"--cert a.pem|HTTPS needs both --cert and --key", "--no-http --http-port 1|--no-http and --http-port contradict each other",
			"--cert a.pem --key b.pem --client-auth need|--client-auth need needs --client-ca",
			"--client-ca ca.pem|--client-ca needs HTTPS (--cert and --key)", "--no-http|No listener: withoutHttp() needs HTTPS (tls(...) or serverCertificate(...))" })
	void refusesContradictions(String arguments, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorCommandLine.parse(arguments.split(" ")).toBuilder().build())
			.withMessage(message);
	}

}
