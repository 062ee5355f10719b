package io.github.faircomclient.admin;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A service as {@code listServices} reports it: a listener (such as {@code https8443}), an
 * api, an integration service or any other group the server lists. Properties the server
 * did not report are {@code null}; {@link #details()} holds everything it did.
 *
 * @param group the property of the result the service was listed under, e.g.
 * {@code listeners}
 * @param serviceName the service's name, e.g. {@code https8443} or {@code modbus}
 * @param description the service's description
 * @param enabled whether the service is enabled
 * @param state the service's run state, if the server reports one (FairCom documents
 * none; the emulator reports {@code running}, {@code paused} or {@code stopped})
 * @param protocol the protocol of a listener, e.g. {@code https}
 * @param port the port of a listener (FairCom reports it as a string)
 * @param certificateFilename the server certificate of a TLS listener
 * ({@code tls.certificateFilename}, reported only to a session)
 * @param details the whole service object the server returned
 */
public record ServiceInfo(String group, String serviceName, @Nullable String description, @Nullable Boolean enabled,
		@Nullable String state, @Nullable String protocol, @Nullable Integer port, @Nullable String certificateFilename,
		JsonNode details) {

	@Override
	public String toString() {
		return "ServiceInfo[group=" + this.group + ", serviceName=" + this.serviceName + ", enabled=" + this.enabled
				+ ", state=" + this.state + ", protocol=" + this.protocol + ", port=" + this.port + "]";
	}

}
