package io.github.faircomclient.test.spi;

import java.util.Objects;

/**
 * A warning in {@code debugInfo.warnings}, written as {@code {"code": n, "message": "..."}}.
 * @param code the warning code
 * @param message the warning text
 */
public record Warning(int code, String message) {

	/**
	 * Creates a warning.
	 * @param code the warning code
	 * @param message the warning text
	 */
	public Warning {
		Objects.requireNonNull(message, "message");
	}

}
