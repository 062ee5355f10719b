package io.github.faircomclient.test.spi;

/**
 * Runs one action. Return a result, or throw {@link ActionException} for a JSON error answer; any other
 * exception becomes an internal-error answer (HTTP 500) and is logged.
 */
@FunctionalInterface
public interface ActionHandler {

	/**
	 * Runs the action.
	 * @param context the request and its surroundings
	 * @return the result to put in the envelope
	 */
	ActionResult handle(ActionContext context);

}
