package io.github.faircomclient.test.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's single dispatch table, keyed by (api, action), both case-insensitive.
 */
public interface ActionRegistry {

	/**
	 * Registers an action.
	 * @param definition the action
	 * @throws IllegalStateException if the (api, action) pair is already registered
	 */
	void register(ActionDefinition definition);

	/**
	 * Registers an action that needs a session, with the standard envelope.
	 * @param api the api
	 * @param action the action name in its documented spelling
	 * @param handler runs the action
	 */
	default void register(String api, String action, ActionHandler handler) {
		register(ActionDefinition.builder(api, action, handler).build());
	}

	/**
	 * Looks up the action registered exactly under this api (no fallback).
	 * @param api the api
	 * @param action the action name
	 * @return the definition, if registered
	 */
	Optional<ActionDefinition> find(String api, String action);

	/**
	 * The apis that have at least one action.
	 * @return lower-case api names
	 */
	Set<String> apis();

	/**
	 * Every registered action.
	 * @return the definitions in registration order
	 */
	List<ActionDefinition> definitions();

}
