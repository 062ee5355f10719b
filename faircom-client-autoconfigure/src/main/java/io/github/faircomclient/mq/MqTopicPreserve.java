package io.github.faircomclient.mq;

import java.util.Locale;

/**
 * What {@code deleteTopic} keeps of a topic ({@code preserve}).
 */
public enum MqTopicPreserve {

	/**
	 * Keep the table with the topic's messages.
	 */
	DATA,

	/**
	 * Keep the table, emptied.
	 */
	TABLE,

	/**
	 * Keep nothing.
	 */
	NOTHING;

	/**
	 * Return the value FairCom uses.
	 * @return {@code data}, {@code table} or {@code nothing}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
