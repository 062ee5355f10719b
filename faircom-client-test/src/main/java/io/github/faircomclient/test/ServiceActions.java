package io.github.faircomclient.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionDefinition;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Parameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's service actions: listServices (also without a session, then without {@code tls}) and
 * manageService.
 */
final class ServiceActions {

	private static final int MAX_NAME_LENGTH = 64;

	private final Services services;

	private final Accounts accounts;

	private final Supplier<List<Listener>> listeners;

	ServiceActions(Services services, Accounts accounts, Supplier<List<Listener>> listeners) {
		this.services = services;
		this.accounts = accounts;
		this.listeners = listeners;
	}

	void registerIn(ActionRegistry registry) {
		registry.register(ActionDefinition.builder(AdminActions.API, "listServices", this::listServices)
			.requiresSession(false)
			.build());
		registry.register(AdminActions.API, "manageService", this::manageService);
	}

	private ActionResult listServices(ActionContext context) {
		boolean authorized = context.session() != null;
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		ArrayNode listeners = result.putArray("listeners");
		for (Listener listener : this.listeners.get()) {
			ObjectNode node = listeners.addObject()
				.put("serviceName", listener.protocol() + listener.port())
				.put("description", listener.description())
				.put("enabled", true)
				.put("port", Integer.toString(listener.port()))
				.put("protocol", listener.protocol());
			if (authorized && listener.certificate() != null) {
				node.putObject("tls").put("certificateFilename", listener.certificate().toString());
			}
		}
		addStates(result.putArray("apis"), this.services.apiServices());
		addStates(result.putArray("integrationServices"), Services.INTEGRATION_SERVICES);
		return ActionResult.success(result);
	}

	private void addStates(ArrayNode list, List<String> names) {
		for (String name : names) {
			list.addObject()
				.put("serviceName", name)
				.put("enabled", true)
				.put("state", this.services.state(name).wireName());
		}
	}

	private ActionResult manageService(ActionContext context) {
		this.accounts.requireAdmin(context);
		Parameters params = context.params();
		String requested = params.requiredString("serviceName");
		if (requested.length() > MAX_NAME_LENGTH) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.serviceName",
					"a service name has at most " + MAX_NAME_LENGTH + " characters");
		}
		String service = this.services.canonicalName(requested);
		if (service == null) {
			throw ActionException.of(ProvisionalChoice.UNKNOWN_SERVICE, requested, String.join(", ", this.services.names()));
		}
		params.string("command").ifPresent((command) -> this.services.command(service, command));
		return ActionResult.successWithoutResult();
	}

	/**
	 * A listener of the emulator, as listServices reports it.
	 * @param protocol {@code http} or {@code https}
	 * @param host the bind address
	 * @param port the bound port
	 * @param certificate the server certificate file of an HTTPS listener
	 */
	record Listener(String protocol, String host, int port, @Nullable Path certificate) {

		String description() {
			String kind = "https".equals(this.protocol) ? "TLS-secured HTTPS" : "insecure HTTP";
			return "Port " + this.port + " using " + kind + " protocol for the JSON Action API on " + this.host;
		}

		@Override
		public String toString() {
			return "Listener[" + this.protocol.toUpperCase(Locale.ROOT) + " " + this.host + ":" + this.port + "]";
		}

	}

}
