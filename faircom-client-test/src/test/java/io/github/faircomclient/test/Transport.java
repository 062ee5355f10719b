package io.github.faircomclient.test;

import io.github.faircomclient.test.tls.TlsMaterial;

/**
 * How a test reaches the emulator: plain HTTP, or HTTPS presenting the client certificate of ADMIN
 * (mutual TLS).
 */
enum Transport {

	HTTP, HTTPS_MTLS;

	JsonActionClient client(FairComEmulator emulator, TlsMaterial tls) {
		return (this == HTTP) ? new JsonActionClient(emulator.httpUrl())
				: new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("ADMIN"));
	}

}
