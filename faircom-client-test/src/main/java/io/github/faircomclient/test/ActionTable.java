package io.github.faircomclient.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.faircomclient.test.spi.ActionDefinition;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The single dispatch table: (api, action) to handler, case-insensitive, with the api resolution rules
 * of {@link ProvisionalChoice#API_RESOLUTION} and {@link ProvisionalChoice#SESSION_ACTIONS_IN_EVERY_API}.
 */
final class ActionTable implements ActionRegistry {

	private final Map<String, ActionDefinition> byKey = new ConcurrentHashMap<>();

	private final List<ActionDefinition> definitions = new CopyOnWriteArrayList<>();

	@Override
	public void register(ActionDefinition definition) {
		String key = key(definition.api(), definition.action());
		if (this.byKey.putIfAbsent(key, definition) != null) {
			throw new IllegalStateException("Action " + definition + " is already registered");
		}
		this.definitions.add(definition);
	}

	@Override
	public Optional<ActionDefinition> find(String api, String action) {
		return Optional.ofNullable(this.byKey.get(key(api, action)));
	}

	@Override
	public Set<String> apis() {
		Set<String> apis = new TreeSet<>();
		for (ActionDefinition definition : this.definitions) {
			apis.add(definition.api());
		}
		return apis;
	}

	@Override
	public List<ActionDefinition> definitions() {
		return List.copyOf(this.definitions);
	}

	/**
	 * The registered spelling of an action name, if any api has it.
	 */
	@Nullable String canonicalName(String action) {
		for (ActionDefinition definition : this.definitions) {
			if (definition.action().equalsIgnoreCase(action)) {
				return definition.action();
			}
		}
		return null;
	}

	/**
	 * Finds the handler of a request.
	 * @param requestedApi the request's api, or {@code null}/empty when omitted
	 * @param sessionApi the session's defaultApi, when the request has a live session
	 * @param action the action name
	 * @throws ActionException {@link ProvisionalChoice#UNKNOWN_API} or {@link ProvisionalChoice#UNKNOWN_ACTION}
	 */
	ActionDefinition resolve(@Nullable String requestedApi, @Nullable String sessionApi, String action) {
		boolean explicit = requestedApi != null && !requestedApi.isBlank();
		String api = explicit ? requestedApi.trim().toLowerCase(Locale.ROOT)
				: (sessionApi != null) ? sessionApi.toLowerCase(Locale.ROOT) : "";
		if (explicit && !apis().contains(api) && !SessionDefaults.APIS.contains(api)) {
			throw ActionException.of(ProvisionalChoice.UNKNOWN_API, requestedApi, String.join(", ", apis()));
		}
		if (!api.isEmpty()) {
			ActionDefinition definition = this.byKey.get(key(api, action));
			if (definition != null) {
				return definition;
			}
		}
		List<ActionDefinition> candidates = new ArrayList<>();
		for (ActionDefinition definition : this.definitions) {
			if (definition.action().equalsIgnoreCase(action) && (!explicit || definition.availableInEveryApi())) {
				candidates.add(definition);
			}
		}
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		throw ActionException.of(ProvisionalChoice.UNKNOWN_ACTION, action, api.isEmpty() ? "(none given)" : api);
	}

	private static String key(String api, String action) {
		return api.trim().toLowerCase(Locale.ROOT) + '/' + action.trim().toLowerCase(Locale.ROOT);
	}

}
