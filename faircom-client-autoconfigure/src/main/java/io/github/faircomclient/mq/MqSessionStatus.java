package io.github.faircomclient.mq;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The {@code sessionStatus} of an MQ API session.
 */
public enum MqSessionStatus {

	/**
	 * The session works and is listed.
	 */
	NORMAL,

	/**
	 * The session works but is listed only when asked for hidden sessions.
	 */
	HIDDEN,

	/**
	 * The session may not publish, subscribe or read.
	 */
	BANNED,

	/**
	 * The session was deactivated ({@code deleteMqSession}): it keeps its subscriptions and
	 * becomes normal again with its next publish, subscribe or read.
	 */
	INACTIVE;

	/**
	 * Return the value FairCom uses for this status.
	 * @return e.g. {@code normal}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the status FairCom names, ignoring case.
	 * @param value the name
	 * @return the status, or {@code null} for a value this client does not know
	 */
	public static @Nullable MqSessionStatus of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (MqSessionStatus status : values()) {
			if (status.value().equalsIgnoreCase(value.trim())) {
				return status;
			}
		}
		return null;
	}

}
