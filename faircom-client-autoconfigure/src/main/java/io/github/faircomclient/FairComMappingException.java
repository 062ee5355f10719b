package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a successful answer cannot be turned into the Java type the caller asked
 * for: a record or result whose fields do not fit the target type, or a JSON {@code null}
 * where a value is needed. The call itself succeeded on the server; nothing is retried.
 * <p>
 * Messages name the action, the target type and the offending field, and give Jackson's
 * reason (which may quote the offending value), but never the whole record.
 */
public class FairComMappingException extends FairComException {

	/**
	 * The name of the Java type the answer was to be mapped to.
	 */
	private final String targetType;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param targetType the name of the Java type the answer was to be mapped to
	 * @param cause the mapping failure, if any
	 */
	public FairComMappingException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, String targetType, @Nullable Throwable cause) {
		super(message, FairComFailureKind.CLIENT, api, action, requestId, cause);
		this.targetType = targetType;
	}

	/**
	 * Return the name of the Java type the answer was to be mapped to.
	 * @return the type name, as {@link java.lang.reflect.Type#getTypeName()} gives it
	 */
	public String getTargetType() {
		return this.targetType;
	}

}
