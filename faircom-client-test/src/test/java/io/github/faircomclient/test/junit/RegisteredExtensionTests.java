package io.github.faircomclient.test.junit;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RegisteredExtensionTests {

	@RegisterExtension
	static FairComEmulatorExtension faircom = FairComEmulatorExtension
		.configure((builder, tls) -> builder.tls(tls).clientAuth(ClientAuth.NEED).user("jim", "secret"));

	@Test
	void configuredInCode(FairComEmulator emulator, TlsMaterial tls) throws Exception {
		assertThat(faircom.emulator()).isSameAs(emulator);
		assertThat(faircom.tlsMaterial()).isSameAs(tls);
		HttpClient client = HttpClient.newBuilder().sslContext(tls.clientSslContext("jim")).build();
		String body = "{\"api\":\"admin\",\"action\":\"createSession\"}";
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(emulator.httpsUrl())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"username\":\"jim\"");
	}

	@Test
	void annotationDrivenExtensionHoldsNoEmulator() {
		assertThatIllegalStateException().isThrownBy(() -> new FairComEmulatorExtension().emulator())
			.withMessageContaining("configure(...)");
	}

}
