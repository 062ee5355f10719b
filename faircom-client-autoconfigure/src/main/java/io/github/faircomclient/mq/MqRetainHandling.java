package io.github.faircomclient.mq;

/**
 * When a subscription receives its topics' retained messages
 * ({@code receiveRetainedMessages}).
 */
public enum MqRetainHandling {

	/**
	 * Every time the subscription is made (FairCom's default).
	 */
	ON_SUBSCRIPTION("onSubscription"),

	/**
	 * Only when the subscription is new, not when it replaces one.
	 */
	ON_NEW_SUBSCRIPTION("onNewSubscription"),

	/**
	 * Never.
	 */
	NEVER("never");

	private final String value;

	MqRetainHandling(String value) {
		this.value = value;
	}

	/**
	 * Return the value FairCom uses.
	 * @return e.g. {@code onSubscription}
	 */
	public String value() {
		return this.value;
	}

}
