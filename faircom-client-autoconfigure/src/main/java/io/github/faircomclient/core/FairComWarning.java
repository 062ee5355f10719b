package io.github.faircomclient.core;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A warning in a successful answer. FairCom documents two shapes,
 * {@code {"code", "message"}} and {@code {"warningCode", "warningMessage", "warningData"}};
 * both end up here.
 *
 * @param code the warning code
 * @param message the warning message, possibly empty
 * @param data additional data (known secrets masked, like the message), or {@code null} if
 * the server sent none
 */
public record FairComWarning(int code, String message, @Nullable JsonNode data) {

}
