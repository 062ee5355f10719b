package io.github.faircomclient.test.mq;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.faircomclient.test.mq.TopicNames.Filter;

/**
 * The members and the undelivered messages of one shared subscription ({@code $share/group/filter}):
 * each message is queued once for the group and taken by exactly one member. Used under the broker's
 * lock.
 */
final class ShareGroup {

	private final Filter filter;

	private final Set<String> members = new LinkedHashSet<>();

	private final Deque<StoredMessage> queue = new ArrayDeque<>();

	ShareGroup(Filter filter) {
		this.filter = filter;
	}

	Filter filter() {
		return this.filter;
	}

	Set<String> members() {
		return this.members;
	}

	Deque<StoredMessage> queue() {
		return this.queue;
	}

}
