package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.StoredMessage.MessageProperties;
import io.github.faircomclient.test.mq.Subscription.RetainHandling;
import io.github.faircomclient.test.mq.TopicNames.Filter;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;

/**
 * The one thread-safe place of the MQ API's state: topics and their logs, MQ sessions, shared groups
 * and the broker-wide publish sequence, all guarded by one lock. Every public operation takes the lock,
 * first ends timed-out temporary sessions, and keeps its work in memory (no I/O under the lock).
 */
final class MqBroker {

	/** Default database of a topic's table (describeTopics' example). */
	static final String DEFAULT_DATABASE = "faircom";

	/** Default owner of a topic's table (describeTopics' example). */
	static final String DEFAULT_OWNER = "admin";

	private final ReentrantLock lock = new ReentrantLock();

	private final Supplier<Instant> clock;

	private final Map<String, Topic> topics = new TreeMap<>();

	private final Map<String, TopicLog> preserved = new HashMap<>();

	private final Map<String, MqSession> sessions = new TreeMap<>();

	private final Map<String, ShareGroup> groups = new LinkedHashMap<>();

	private long sequence;

	private long generatedNames;

	MqBroker(Supplier<Instant> clock) {
		this.clock = clock;
	}

	/**
	 * Runs work under the lock, after ending timed-out temporary sessions.
	 */
	<T> T locked(Supplier<T> work) {
		this.lock.lock();
		try {
			expireSessions(now());
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The sequence number of the last published message (0 before the first). */
	long sequence() {
		return this.sequence;
	}

	/** The emulator clock's time, to the millisecond (FairCom reports milliseconds). */
	Instant now() {
		return this.clock.get().truncatedTo(ChronoUnit.MILLIS);
	}

	// ---------------------------------------------------------------- topics

	Collection<Topic> topics() {
		return Collections.unmodifiableCollection(this.topics.values());
	}

	@Nullable Topic topic(String name) {
		return this.topics.get(name);
	}

	Topic requireTopic(String name) {
		Topic topic = this.topics.get(name);
		if (topic == null) {
			throw ActionException.of(ProvisionalChoice.MQ_UNKNOWN_TOPIC, TopicNames.shorten(name));
		}
		return topic;
	}

	/**
	 * The topic, created when missing; its table is {@code mqtt_msg_} + the name with {@code /} as
	 * {@code _} unless given, and a table kept by deleteTopic is taken over.
	 * @return the topic
	 */
	Topic ensureTopic(String name, @Nullable String databaseName, @Nullable String ownerName,
			@Nullable String tableName) {
		Topic existing = this.topics.get(name);
		if (existing != null) {
			return existing;
		}
		String database = (databaseName != null) ? databaseName : DEFAULT_DATABASE;
		String owner = (ownerName != null) ? ownerName : DEFAULT_OWNER;
		String table = tableName;
		if (table == null) {
			String base = "mqtt_msg_" + name.replace('/', '_');
			table = base;
			for (int suffix = 2; liveLog(TopicLog.key(database, owner, table)) != null; suffix++) {
				table = base + "_" + suffix;
			}
		}
		else if (liveLog(TopicLog.key(database, owner, table)) != null) {
			throw ActionException.of(ProvisionalChoice.MQ_INVALID_REQUEST,
					"Table '" + TopicNames.shorten(table) + "' already stores another topic's messages.");
		}
		TopicLog log = this.preserved.remove(TopicLog.key(database, owner, table));
		Topic topic = new Topic(name, now(), (log != null) ? log : new TopicLog(database, owner, table));
		this.topics.put(name, topic);
		return topic;
	}

	private @Nullable TopicLog liveLog(String key) {
		for (Topic topic : this.topics.values()) {
			if (topic.log().key().equals(key)) {
				return topic.log();
			}
		}
		return null;
	}

	/**
	 * The log stored in a table: a live topic's or one kept by deleteTopic.
	 */
	@Nullable TopicLog log(String databaseName, String ownerName, String tableName) {
		String key = TopicLog.key(databaseName, ownerName, tableName);
		TopicLog live = liveLog(key);
		return (live != null) ? live : this.preserved.get(key);
	}

	/**
	 * The live topic whose messages go to a table.
	 */
	@Nullable Topic topicOfTable(String databaseName, String ownerName, String tableName) {
		String key = TopicLog.key(databaseName, ownerName, tableName);
		for (Topic topic : this.topics.values()) {
			if (topic.log().key().equals(key)) {
				return topic;
			}
		}
		return null;
	}

	/**
	 * Deletes a topic, its retained message and every undelivered copy of its messages.
	 * @return {@code false} when there is no such topic
	 */
	boolean deleteTopic(String name, Preserve preserve) {
		Topic topic = this.topics.remove(name);
		if (topic == null) {
			return false;
		}
		for (MqSession session : this.sessions.values()) {
			session.queue().removeIf((message) -> message.topic().equals(name));
			session.retainedPending().removeIf((message) -> message.topic().equals(name));
		}
		for (ShareGroup group : this.groups.values()) {
			group.queue().removeIf((message) -> message.topic().equals(name));
		}
		if (preserve == Preserve.TABLE) {
			topic.log().clear();
		}
		if (preserve != Preserve.NOTHING) {
			this.preserved.put(topic.log().key(), topic.log());
		}
		return true;
	}

	// ---------------------------------------------------------------- sessions

	Collection<MqSession> sessions() {
		return Collections.unmodifiableCollection(this.sessions.values());
	}

	@Nullable MqSession session(String clientName) {
		return this.sessions.get(clientName);
	}

	MqSession requireSession(String clientName) {
		MqSession session = this.sessions.get(clientName);
		if (session == null) {
			throw ActionException.of(ProvisionalChoice.MQ_UNKNOWN_SESSION, TopicNames.shorten(clientName));
		}
		return session;
	}

	/**
	 * Creates a session; a {@code null} name gets a generated unique one.
	 */
	MqSession createSession(@Nullable String clientName, MqSession.Creator creator, boolean temporary) {
		String name = clientName;
		if (name == null) {
			do {
				name = "mqApiClient" + (++this.generatedNames);
			}
			while (this.sessions.containsKey(name));
		}
		if (this.sessions.containsKey(name)) {
			throw ActionException.of(ProvisionalChoice.MQ_DUPLICATE_SESSION, TopicNames.shorten(name));
		}
		MqSession session = new MqSession(name, creator, now(), temporary);
		this.sessions.put(name, session);
		return session;
	}

	void deleteSession(MqSession session) {
		this.sessions.remove(session.clientName());
		for (Subscription subscription : session.subscriptions().values()) {
			leaveGroup(session, subscription);
		}
	}

	/** Drops a session's subscriptions and undelivered messages (cleanSession). */
	void clearSession(MqSession session) {
		for (Subscription subscription : session.subscriptions().values()) {
			leaveGroup(session, subscription);
		}
		session.subscriptions().clear();
		session.queue().clear();
		session.retainedPending().clear();
	}

	private void expireSessions(Instant now) {
		List<MqSession> expired = new ArrayList<>();
		for (MqSession session : this.sessions.values()) {
			if (session.expired(now)) {
				expired.add(session);
			}
		}
		expired.forEach(this::deleteSession);
	}

	// ---------------------------------------------------------------- publish

	/**
	 * Stores messages (all of them, or none when a target is invalid) and queues them for the
	 * matching subscriptions.
	 * @return the stored messages in request order
	 */
	List<StoredMessage> publish(List<Outgoing> messages) {
		Instant now = now();
		List<MqSession> publishers = new ArrayList<>();
		for (Outgoing message : messages) {
			publishers.add(requireSession(message.clientName()));
		}
		List<Topic> targets = new ArrayList<>();
		for (Outgoing message : messages) {
			Target target = message.target();
			Topic topic = (target.topic() != null) ? this.topics.get(target.topic())
					: topicOfTable(target.databaseName(), target.ownerName(), target.tableName());
			if (topic == null && target.topic() == null) {
				throw ActionException.of(ProvisionalChoice.MQ_UNKNOWN_TABLE, TopicNames.shorten(target.tableName()));
			}
			targets.add(topic);
		}
		publishers.forEach(MqSession::requireNotBanned);
		publishers.forEach((session) -> session.activity(now));
		List<StoredMessage> stored = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			Outgoing message = messages.get(i);
			Topic topic = targets.get(i);
			if (topic == null) {
				topic = ensureTopic(message.target().topic(), null, null, null);
			}
			MqSession publisher = publishers.get(i);
			StoredMessage saved = new StoredMessage(topic.name(), topic.log().takePosition(), ++this.sequence, now,
					message.payload(), message.format(), message.properties(), publisher.clientName());
			topic.log().append(saved);
			if (message.properties().retain()) {
				topic.retain((saved.payload().length == 0) ? null : saved);
			}
			publisher.published().record(now, 1);
			publisher.publishedTopics().add(topic.name());
			fanOut(saved, now);
			stored.add(saved);
		}
		return stored;
	}

	private void fanOut(StoredMessage message, Instant now) {
		for (MqSession session : this.sessions.values()) {
			for (Subscription subscription : session.subscriptions().values()) {
				if (!subscription.filter().shared() && subscription.accepts(message, session.clientName(), now)) {
					session.queue().addLast(message);
					session.enqueued().record(now, 1);
					break;
				}
			}
		}
		for (ShareGroup group : this.groups.values()) {
			if (group.filter().matches(message.topic())) {
				group.queue().addLast(message);
			}
		}
	}

	// ---------------------------------------------------------------- subscribe

	/**
	 * Adds or replaces a subscription; sends the retained messages it asks for.
	 */
	void subscribe(MqSession session, Subscription subscription) {
		Subscription previous = session.subscriptions().get(subscription.filter().text());
		if (previous != null) {
			subscription = subscription.continuing(previous);
		}
		session.subscriptions().put(subscription.filter().text(), subscription);
		Filter filter = subscription.filter();
		if (filter.shared()) {
			this.groups.computeIfAbsent(filter.text(), (key) -> new ShareGroup(filter)).members().add(session.clientName());
			return;
		}
		RetainHandling handling = subscription.receiveRetainedMessages();
		if (handling == RetainHandling.NEVER || (handling == RetainHandling.ON_NEW_SUBSCRIPTION && previous != null)) {
			return;
		}
		Instant now = now();
		for (Topic topic : this.topics.values()) {
			StoredMessage retained = topic.retained();
			if (retained != null && filter.matches(topic.name()) && !retained.expired(now)
					&& (subscription.receiveMyMessages() || !retained.publisher().equals(session.clientName()))
					&& session.retainedPending().stream().noneMatch((queued) -> queued == retained)) {
				session.retainedPending().addLast(retained);
			}
		}
	}

	/**
	 * Removes a subscription and what only it would still deliver.
	 * @return {@code false} when the session had no such subscription
	 */
	boolean unsubscribe(MqSession session, String filterText) {
		Subscription removed = session.subscriptions().remove(filterText);
		if (removed == null) {
			return false;
		}
		if (removed.filter().shared()) {
			leaveGroup(session, removed);
			return true;
		}
		Instant now = now();
		session.queue().removeIf((message) -> ownSubscription(session, message, now) == null);
		session.retainedPending().removeIf((message) -> session.subscriptions().values().stream()
			.noneMatch((left) -> !left.filter().shared() && left.filter().matches(message.topic())));
		return true;
	}

	private void leaveGroup(MqSession session, Subscription subscription) {
		if (subscription.filter().shared()) {
			ShareGroup group = this.groups.get(subscription.filter().text());
			if (group != null) {
				group.members().remove(session.clientName());
				if (group.members().isEmpty()) {
					this.groups.remove(subscription.filter().text());
				}
			}
		}
	}

	private static @Nullable Subscription ownSubscription(MqSession session, StoredMessage message, Instant now) {
		for (Subscription subscription : session.subscriptions().values()) {
			if (!subscription.filter().shared() && subscription.accepts(message, session.clientName(), now)) {
				return subscription;
			}
		}
		return null;
	}

	@Nullable ShareGroup group(String filterText) {
		return this.groups.get(filterText);
	}

	Collection<ShareGroup> groups() {
		return Collections.unmodifiableCollection(this.groups.values());
	}

	// ---------------------------------------------------------------- stateful read

	/**
	 * Takes up to {@code max} undelivered messages of a session in publish order (retained messages
	 * first), from its own subscriptions and its shared groups; what is taken is consumed.
	 * @param narrow only messages of topics matching this filter, or only this shared subscription
	 */
	Read read(MqSession session, int max, @Nullable Filter narrow) {
		Instant now = now();
		List<Candidate> retained = new ArrayList<>();
		List<Candidate> queued = new ArrayList<>();
		if (narrow == null || !narrow.shared()) {
			session.retainedPending().removeIf((message) -> message.expired(now));
			collect(session.retainedPending(), (message) -> narrow == null || narrow.matches(message.topic()), max + 1,
					retained);
			session.queue().removeIf((message) -> ownSubscription(session, message, now) == null);
			collect(session.queue(), (message) -> narrow == null || narrow.matches(message.topic()), max + 1, queued);
		}
		for (Subscription subscription : session.subscriptions().values()) {
			ShareGroup group = subscription.filter().shared() ? this.groups.get(subscription.filter().text()) : null;
			if (group == null || (narrow != null && narrow.shared() && !narrow.text().equals(subscription.filter().text()))) {
				continue;
			}
			group.queue().removeIf((message) -> message.expired(now) && !anyMemberIncludesExpired(group));
			collect(group.queue(), (message) -> (narrow == null || narrow.shared() || narrow.matches(message.topic()))
					&& (subscription.includeExpiredMessages() || !message.expired(now)), max + 1, queued);
		}
		queued.sort((left, right) -> Long.compare(left.message().sequence(), right.message().sequence()));
		List<Candidate> taken = new ArrayList<>(retained.subList(0, Math.min(max, retained.size())));
		taken.addAll(queued.subList(0, Math.min(max - taken.size(), queued.size())));
		boolean more = retained.size() + queued.size() > taken.size();
		Map<Deque<StoredMessage>, Set<StoredMessage>> removals = new IdentityHashMap<>();
		for (Candidate candidate : taken) {
			removals.computeIfAbsent(candidate.source(), (key) -> Collections.newSetFromMap(new IdentityHashMap<>()))
				.add(candidate.message());
			candidate.message().delivered();
			session.positions().merge(candidate.message().topic(), candidate.message().position(), Math::max);
		}
		removals.forEach((source, messages) -> source.removeIf(messages::contains));
		session.received().record(now, taken.size());
		return new Read(taken.stream().map(Candidate::message).toList(), more);
	}

	private static void collect(Deque<StoredMessage> source, Predicate<StoredMessage> eligible,
			int limit, List<Candidate> into) {
		int found = 0;
		for (Iterator<StoredMessage> iterator = source.iterator(); iterator.hasNext() && found < limit;) {
			StoredMessage message = iterator.next();
			if (eligible.test(message)) {
				into.add(new Candidate(message, source));
				found++;
			}
		}
	}

	private boolean anyMemberIncludesExpired(ShareGroup group) {
		for (String member : group.members()) {
			MqSession session = this.sessions.get(member);
			Subscription subscription = (session != null) ? session.subscriptions().get(group.filter().text()) : null;
			if (subscription != null && subscription.includeExpiredMessages()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The number of messages waiting for a session: its own and those of its shared groups.
	 */
	long backlog(MqSession session) {
		Instant now = now();
		long count = session.retainedPending().size();
		for (StoredMessage message : session.queue()) {
			if (ownSubscription(session, message, now) != null) {
				count++;
			}
		}
		for (Subscription subscription : session.subscriptions().values()) {
			ShareGroup group = subscription.filter().shared() ? this.groups.get(subscription.filter().text()) : null;
			if (group != null) {
				count += group.queue().size();
			}
		}
		return count;
	}

	/**
	 * What to publish.
	 * @param clientName the publishing session
	 * @param target the topic or table
	 * @param payload the payload bytes
	 * @param format the format the payload came in
	 * @param properties the message properties
	 */
	record Outgoing(String clientName, Target target, byte[] payload, PayloadFormat format,
			MessageProperties properties) {
	}

	/**
	 * Where a message goes: a topic name, or the table of an existing topic.
	 * @param topic the topic name, or {@code null}
	 * @param databaseName the table's database
	 * @param ownerName the table's owner
	 * @param tableName the table, used without a topic
	 */
	record Target(@Nullable String topic, String databaseName, String ownerName, String tableName) {
	}

	/**
	 * The answer of a stateful read.
	 * @param messages the delivered messages
	 * @param more whether more messages were waiting
	 */
	record Read(List<StoredMessage> messages, boolean more) {
	}

	private record Candidate(StoredMessage message, Deque<StoredMessage> source) {
	}

	/**
	 * deleteTopic's {@code preserve}.
	 */
	enum Preserve {

		/** Keep the table and its messages. */
		DATA,

		/** Keep the table, delete its messages. */
		TABLE,

		/** Keep nothing. */
		NOTHING

	}

}
