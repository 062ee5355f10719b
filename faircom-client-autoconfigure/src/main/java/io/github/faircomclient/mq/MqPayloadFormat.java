package io.github.faircomclient.mq;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a message payload travels in JSON: FairCom's {@code binaryFormat} of a message.
 */
public enum MqPayloadFormat {

	/**
	 * Text: the payload is a JSON string holding the text (MQTT payload format indicator 1).
	 */
	UTF8("utf8"),

	/**
	 * JSON: the payload is any JSON value (MQTT payload format indicator 1).
	 */
	JSON("json"),

	/**
	 * Bytes as a string of hexadecimal digits, two per byte.
	 */
	HEX("hex"),

	/**
	 * Bytes as a base64 string (RFC 4648, standard alphabet, padded).
	 */
	BASE64("base64");

	private final String value;

	MqPayloadFormat(String value) {
		this.value = value;
	}

	/**
	 * Return the value FairCom uses for this format.
	 * @return {@code utf8}, {@code json}, {@code hex} or {@code base64}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return whether payloads of this format carry bytes rather than text or JSON.
	 * @return whether this is {@link #HEX} or {@link #BASE64}
	 */
	public boolean isBinary() {
		return this == HEX || this == BASE64;
	}

	/**
	 * Return the format FairCom names, ignoring case.
	 * @param value the name, e.g. {@code utf8}
	 * @return the format, or {@code null} for a name this client does not know
	 */
	public static @Nullable MqPayloadFormat of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String name = value.trim().toLowerCase(Locale.ROOT);
		for (MqPayloadFormat format : values()) {
			if (format.value.equals(name)) {
				return format;
			}
		}
		return null;
	}

}
