package io.github.faircomclient.mq;

import org.springframework.util.Assert;

/**
 * One MQTT 5 user property of a message or session: a key and a value, both text. A
 * message may carry the same key more than once.
 *
 * @param key the key
 * @param value the value
 */
public record MqUserProperty(String key, String value) {

	/**
	 * Create a user property.
	 * @param key the key
	 * @param value the value
	 */
	public MqUserProperty {
		Assert.notNull(key, "'key' must not be null");
		Assert.notNull(value, "'value' must not be null");
	}

}
