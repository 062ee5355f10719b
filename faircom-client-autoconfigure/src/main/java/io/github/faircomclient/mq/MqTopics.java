package io.github.faircomclient.mq;

import org.springframework.util.Assert;

/**
 * Checks of MQTT topic names and filters, before anything is sent.
 */
final class MqTopics {

	static final String SHARE_PREFIX = "$share/";

	private MqTopics() {
	}

	static String requireTopicName(String topic, String what) {
		Assert.hasLength(topic, () -> "'" + what + "' must not be empty");
		Assert.isTrue(topic.indexOf('+') < 0 && topic.indexOf('#') < 0 && topic.indexOf('\u0000') < 0,
				() -> "'" + what + "' must be a topic name without the wildcards + and #");
		return topic;
	}

	static String requireFilter(String filter) {
		Assert.hasLength(filter, "'topicFilter' must not be empty");
		String plain = filter;
		if (filter.startsWith(SHARE_PREFIX)) {
			int slash = filter.indexOf('/', SHARE_PREFIX.length());
			Assert.isTrue(slash > SHARE_PREFIX.length() && slash < filter.length() - 1,
					() -> "A shared subscription is $share/<group>/<filter>, not '" + filter + "'");
			String group = filter.substring(SHARE_PREFIX.length(), slash);
			Assert.isTrue(group.indexOf('+') < 0 && group.indexOf('#') < 0, "A share group name must not hold + or #");
			plain = filter.substring(slash + 1);
		}
		String[] levels = plain.split("/", -1);
		for (int i = 0; i < levels.length; i++) {
			String level = levels[i];
			if (level.contains("#")) {
				Assert.isTrue(level.equals("#") && i == levels.length - 1,
						() -> "In topic filter '" + filter + "' # must be a whole level and the last one");
			}
			if (level.contains("+")) {
				Assert.isTrue(level.equals("+"), () -> "In topic filter '" + filter + "' + must be a whole level");
			}
		}
		return filter;
	}

	static String shared(String group, String filter) {
		Assert.hasText(group, "'group' must not be empty");
		Assert.isTrue(group.indexOf('/') < 0 && group.indexOf('+') < 0 && group.indexOf('#') < 0,
				"'group' must not hold /, + or #");
		return requireFilter(SHARE_PREFIX + group + "/" + filter);
	}

}
