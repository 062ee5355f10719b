package io.github.faircomclient.test.mq;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;

/**
 * MQTT's rules for topic names and topic filters (MQTT 5.0 §4.7): levels separated by {@code /},
 * {@code +} matches one whole level, {@code #} matches the rest and must be the last level, topics
 * starting with {@code $} are not matched by a wildcard in the first level, and
 * {@code $share/<group>/<filter>} names a shared subscription.
 */
final class TopicNames {

	/** MQTT's limit for a UTF-8 string (topic names, filters, client names, properties). */
	static final int MAX_STRING_BYTES = 65535;

	private static final String SHARE_PREFIX = "$share/";

	private TopicNames() {
	}

	/**
	 * Checks a topic name (no wildcards).
	 * @param topic the name
	 * @return the name
	 * @throws ActionException {@link ProvisionalChoice#MQ_INVALID_TOPIC}
	 */
	static String requireTopicName(String topic) {
		String problem = topicNameProblem(topic);
		if (problem != null) {
			throw ActionException.of(ProvisionalChoice.MQ_INVALID_TOPIC, shorten(topic), problem);
		}
		return topic;
	}

	static @Nullable String topicNameProblem(String topic) {
		String problem = stringProblem(topic);
		if (problem != null) {
			return problem;
		}
		if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
			return "a topic name cannot contain the wildcards + or #";
		}
		return null;
	}

	/**
	 * Parses a topic filter, shared ({@code $share/group/filter}) or not.
	 * @param text the filter
	 * @return the parsed filter
	 * @throws ActionException {@link ProvisionalChoice#MQ_INVALID_TOPIC_FILTER}
	 */
	static Filter parseFilter(String text) {
		String problem = stringProblem(text);
		String shareGroup = null;
		String filter = text;
		if (problem == null && text.startsWith(SHARE_PREFIX)) {
			int slash = text.indexOf('/', SHARE_PREFIX.length());
			shareGroup = (slash < 0) ? text.substring(SHARE_PREFIX.length()) : text.substring(SHARE_PREFIX.length(), slash);
			filter = (slash < 0) ? "" : text.substring(slash + 1);
			if (shareGroup.isEmpty() || shareGroup.indexOf('+') >= 0 || shareGroup.indexOf('#') >= 0) {
				problem = "a share name must be non-empty and contain no wildcard";
			}
			else if (filter.isEmpty()) {
				problem = "a shared subscription needs a topic filter after $share/" + shareGroup + "/";
			}
		}
		if (problem == null) {
			problem = filterProblem(filter);
		}
		if (problem != null) {
			throw ActionException.of(ProvisionalChoice.MQ_INVALID_TOPIC_FILTER, shorten(text), problem);
		}
		return new Filter(text, shareGroup, List.of(filter.split("/", -1)));
	}

	private static @Nullable String filterProblem(String filter) {
		String[] levels = filter.split("/", -1);
		for (int i = 0; i < levels.length; i++) {
			String level = levels[i];
			if (level.indexOf('#') >= 0 && (!level.equals("#") || i != levels.length - 1)) {
				return "# must be the whole last level";
			}
			if (level.indexOf('+') >= 0 && !level.equals("+")) {
				return "+ must be a whole level";
			}
		}
		return null;
	}

	private static @Nullable String stringProblem(String text) {
		if (text.isEmpty()) {
			return "it is empty";
		}
		if (text.indexOf('\u0000') >= 0) {
			return "it contains U+0000";
		}
		if (text.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
			return "it is longer than " + MAX_STRING_BYTES + " bytes";
		}
		return null;
	}

	/** Cuts long names for error messages. */
	static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

	/**
	 * A parsed topic filter.
	 * @param text the filter as given (with any {@code $share/group/} prefix)
	 * @param shareGroup the share name of a shared subscription, or {@code null}
	 * @param levels the levels of the filter without the share prefix
	 */
	record Filter(String text, @Nullable String shareGroup, List<String> levels) {

		boolean shared() {
			return this.shareGroup != null;
		}

		/**
		 * Whether a topic name matches this filter (MQTT 5.0 §4.7.1 and §4.7.2).
		 */
		boolean matches(String topic) {
			String[] names = topic.split("/", -1);
			if (topic.startsWith("$") && !this.levels.isEmpty()
					&& (this.levels.get(0).equals("#") || this.levels.get(0).equals("+"))) {
				return false;
			}
			for (int i = 0; i < this.levels.size(); i++) {
				String level = this.levels.get(i);
				if (level.equals("#")) {
					return true;
				}
				if (i >= names.length) {
					return false;
				}
				if (!level.equals("+") && !level.equals(names[i])) {
					return false;
				}
			}
			return names.length == this.levels.size();
		}

	}

}
