package io.github.faircomclient.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;

/**
 * The run state of the services manageService controls: every api but admin, and FairCom Edge's
 * integration services (which have nothing behind them in the emulator). Every service runs after
 * {@link #startAll()}. Thread-safe.
 */
final class Services {

	/** FairCom Edge's integration services, as named in its services.json. */
	static final List<String> INTEGRATION_SERVICES = List.of("opcua", "modbus", "ab", "siemensS7", "mtconnect", "rest");

	private final ActionTable actions;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	Services(ActionTable actions) {
		this.actions = actions;
	}

	/**
	 * The apis that are services: every registered api but admin, sorted.
	 * @return the api names
	 */
	List<String> apiServices() {
		List<String> apis = new ArrayList<>(this.actions.apis());
		apis.remove(AdminActions.API);
		return apis;
	}

	/**
	 * The documented spelling of a service name.
	 * @param name the name in any case
	 * @return the name, or {@code null} when there is no such service
	 */
	@Nullable String canonicalName(String name) {
		List<String> all = new ArrayList<>(apiServices());
		all.addAll(INTEGRATION_SERVICES);
		return all.stream().filter((service) -> service.equalsIgnoreCase(name.trim())).findFirst().orElse(null);
	}

	/**
	 * Every service name, apis first.
	 * @return the names
	 */
	List<String> names() {
		List<String> all = new ArrayList<>(apiServices());
		all.addAll(INTEGRATION_SERVICES);
		return all;
	}

	State state(String service) {
		return this.states.getOrDefault(key(service), State.RUNNING);
	}

	/**
	 * Runs a manageService command on a service.
	 * @param service the service (canonical name)
	 * @param command pause, resume, shutdown, startup or restart, any case
	 * @return the new state
	 * @throws ActionException {@link ProvisionalChoice#INVALID_PROPERTY_VALUE} for another command,
	 * {@link ProvisionalChoice#SERVICE_COMMAND_REFUSED} for pause or resume of a stopped service
	 */
	State command(String service, String command) {
		String verb = command.trim().toLowerCase(Locale.ROOT);
		State target = switch (verb) {
			case "pause" -> State.PAUSED;
			case "resume", "startup", "restart" -> State.RUNNING;
			case "shutdown" -> State.STOPPED;
			default -> throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.command",
					"use pause, resume, restart, shutdown or startup");
		};
		return this.states.compute(key(service), (name, current) -> {
			if ((verb.equals("pause") || verb.equals("resume")) && current == State.STOPPED) {
				throw ActionException.of(ProvisionalChoice.SERVICE_COMMAND_REFUSED, verb, service);
			}
			return target;
		});
	}

	/**
	 * Fails when the service of an api is paused or stopped.
	 * @param api the api of a request
	 * @throws ActionException {@link ProvisionalChoice#SERVICE_NOT_RUNNING}
	 */
	void requireRunning(String api) {
		State state = this.states.get(key(api));
		if (state != null && state != State.RUNNING) {
			throw ActionException.of(ProvisionalChoice.SERVICE_NOT_RUNNING, api, state.wireName());
		}
	}

	/**
	 * Every service runs again (the emulator started).
	 */
	void startAll() {
		this.states.clear();
	}

	private static String key(String service) {
		return service.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * A service's run state.
	 */
	enum State {

		RUNNING, PAUSED, STOPPED;

		String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
