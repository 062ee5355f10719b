package io.github.faircomclient;

import java.time.Duration;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Thrown when a setting of the FairCom client is missing or wrong. The builders
 * ({@code FairComTemplate.builder()}, {@code FairComHttpTransport.builder(..)} and the
 * settings types) throw it as soon as a value is set, and the {@code faircom.*}
 * properties go through the same builders, so a wrong property fails the startup with
 * this exception and Spring Boot's failure analysis prints it. It names the property, the
 * value (never the value of a secret), what is wrong and the fix.
 * <p>
 * The static {@code require...} methods are the checks every settings type uses.
 */
public class FairComConfigurationException extends IllegalArgumentException {

	private final String property;

	private final @Nullable String value;

	private final String reason;

	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property at fault, for example {@code faircom.connect-timeout}
	 * @param value the value at fault, or {@code null} when it is unset or must not be
	 * shown (a secret); shown as the user would write it ({@code 0s}, {@code 64MB})
	 * @param reason what is wrong, without a final period
	 * @param action how to fix it
	 */
	public FairComConfigurationException(String property, @Nullable Object value, String reason, String action) {
		this(property, value, reason, action, null);
	}

	/**
	 * Create a new exception.
	 * @param property the property at fault
	 * @param value the value at fault, or {@code null} when it is unset or must not be
	 * shown
	 * @param reason what is wrong, without a final period
	 * @param action how to fix it
	 * @param cause the underlying failure, if any
	 */
	public FairComConfigurationException(String property, @Nullable Object value, String reason, String action,
			@Nullable Throwable cause) {
		super(message(property, display(value), reason, action), cause);
		this.property = property;
		this.value = display(value);
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the property at fault.
	 * @return the property name, for example {@code faircom.url}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value at fault as the user would write it.
	 * @return the value, or {@code null} when unset or hidden
	 */
	public @Nullable String getValue() {
		return this.value;
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

	/**
	 * Check that a duration is set and positive.
	 * @param property the property it configures
	 * @param value the duration
	 * @param example a value to suggest, for example {@code 5s}
	 * @return the duration
	 * @throws FairComConfigurationException if it is unset, zero or negative
	 */
	public static Duration requirePositive(String property, @Nullable Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new FairComConfigurationException(property, value, "it must be a positive duration",
					"Set " + property + " to a positive duration, for example " + example + ".");
		}
		return value;
	}

	/**
	 * Check that a number is at least a minimum.
	 * @param property the property it configures
	 * @param value the number
	 * @param minimum the smallest value allowed
	 * @param example a value to suggest
	 * @return the number
	 * @throws FairComConfigurationException if it is below the minimum
	 */
	public static long requireAtLeast(String property, long value, long minimum, String example) {
		if (value < minimum) {
			throw new FairComConfigurationException(property, value, "it must be at least " + minimum,
					"Set " + property + " to " + minimum + " or more, for example " + example + ".");
		}
		return value;
	}

	/**
	 * Check that a setting without a natural default is set.
	 * @param <T> the type of the setting
	 * @param property the property it configures
	 * @param value the value
	 * @param action how to set it
	 * @return the value
	 * @throws FairComConfigurationException if it is {@code null}
	 */
	public static <T> T requireSet(String property, @Nullable T value, String action) {
		if (value == null) {
			throw new FairComConfigurationException(property, null, "it is not set", action);
		}
		return value;
	}

	private static String message(String property, @Nullable String value, String reason, String action) {
		String setting = (value != null) ? property + "=" + value : property;
		return "Invalid FairCom setting " + setting + ": " + reason + ". " + action;
	}

	/**
	 * Show a value the way it is written in {@code application.yml}: durations as
	 * {@code 500ms} or {@code 5s}, sizes as {@code 64MB}.
	 */
	public static @Nullable String display(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Duration duration) {
			return display(duration);
		}
		if (value instanceof DataSize size) {
			long bytes = size.toBytes();
			if (bytes != 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
				return (bytes / DataSize.ofMegabytes(1).toBytes()) + "MB";
			}
			if (bytes != 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
				return (bytes / DataSize.ofKilobytes(1).toBytes()) + "KB";
			}
			return bytes + "B";
		}
		if (value instanceof Collection<?> collection) {
			return collection.toString();
		}
		return String.valueOf(value);
	}

	private static String display(Duration duration) {
		if (duration.getNano() == 0) {
			return duration.getSeconds() + "s";
		}
		if (duration.getNano() % 1_000_000 == 0) {
			return duration.toMillis() + "ms";
		}
		return duration.toNanos() + "ns";
	}

}
