package io.github.faircomclient.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the FairCom client's configuration is wrong or incomplete. It
 * names the property at fault and the fix; {@link FairComConfigurationFailureAnalyzer}
 * reports both. Messages never contain property values, which may be secrets.
 */
public class FairComConfigurationException extends RuntimeException {

	/**
	 * The property that is wrong.
	 */
	private final String property;

	/**
	 * What is wrong with it.
	 */
	private final String reason;

	/**
	 * How to fix it.
	 */
	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property at fault, for example {@code faircom.url}
	 * @param reason what is wrong
	 * @param action how to fix it
	 */
	public FairComConfigurationException(String property, String reason, String action) {
		this(property, reason, action, null);
	}

	/**
	 * Create a new exception.
	 * @param property the property at fault, for example {@code faircom.url}
	 * @param reason what is wrong
	 * @param action how to fix it
	 * @param cause the underlying failure, if any
	 */
	public FairComConfigurationException(String property, String reason, String action,
			@Nullable Throwable cause) {
		super("Invalid FairCom configuration for '" + property + "': " + reason, cause);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what is wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
