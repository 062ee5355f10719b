package io.github.faircomclient.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.core.FairComTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that accepts connections but never answers (issue 13, F15), with the defaults'
 * ratio of read timeout to call timeout (30 s to 60 s, here 400 ms to 800 ms): a plain read
 * is sent again after the read timeout and fails when the call timeout runs out, a write
 * fails after one read timeout (it may have run); each message states one duration, the
 * limit that ran out, as it is configured. README.md's "Retries" states these bounds.
 */
class SilentServerIntegrationTests {

	private static final Pattern DURATION = Pattern.compile("\\b\\d+ ?(ms|s)\\b");

	private ServerSocket server;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private FairComTemplate template;

	@BeforeEach
	void start() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			try {
				while (true) {
					this.accepted.add(this.server.accept());
				}
			}
			catch (IOException ex) {
				// closed
			}
		}, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
		this.template = FairComTemplate.builder()
			.url("http://127.0.0.1:" + this.server.getLocalPort() + "/api")
			.token("permanent-token")
			.readTimeout(Duration.ofMillis(400))
			.callTimeout(Duration.ofMillis(800))
			.build();
	}

	@AfterEach
	void stop() throws IOException {
		this.template.close();
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void aReadIsSentAgainAfterTheReadTimeoutAndFailsWhenTheCallTimeoutRunsOut() {
		long start = System.nanoTime();
		assertThatExceptionOfType(FairComTimeoutException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CALL);
				assertThat(took).isBetween(Duration.ofMillis(750), Duration.ofMillis(2000));
				assertThat(durations(ex.getMessage())).containsExactly("800ms");
				assertThat(ex.getMessage()).contains("faircom.call-timeout");
				assertThat(this.accepted).as("sent again on a new connection after the read timeout")
					.hasSize(2);
			});
	}

	@Test
	void aWriteFailsAfterOneReadTimeout() {
		long start = System.nanoTime();
		assertThatExceptionOfType(FairComTimeoutException.class)
			.isThrownBy(() -> this.template.execute("db", "insertRecords", null))
			.satisfies((ex) -> {
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.READ);
				assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(1400));
				assertThat(durations(ex.getMessage())).containsExactly("400ms");
				assertThat(ex.getMessage()).contains("faircom.read-timeout", "the server may have run the call");
				assertThat(this.accepted).as("not sent again: it may have run").hasSize(1);
			});
	}

	private static List<String> durations(String message) {
		List<String> found = new ArrayList<>();
		Matcher matcher = DURATION.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
