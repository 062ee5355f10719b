package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The stored messages of a topic: what FairCom keeps in the topic's integration table. Outlives its
 * topic when deleteTopic preserves the data or the table. Used under the broker's lock.
 */
final class TopicLog {

	private final String databaseName;

	private final String ownerName;

	private final String tableName;

	private final List<StoredMessage> messages = new ArrayList<>();

	private long nextPosition = 1;

	private @Nullable Instant lastMessageTime;

	TopicLog(String databaseName, String ownerName, String tableName) {
		this.databaseName = databaseName;
		this.ownerName = ownerName;
		this.tableName = tableName;
	}

	/**
	 * The key of a table: database, owner and table name, case-insensitive.
	 */
	static String key(String databaseName, String ownerName, String tableName) {
		return (databaseName + "." + ownerName + "." + tableName).toLowerCase(Locale.ROOT);
	}

	String key() {
		return key(this.databaseName, this.ownerName, this.tableName);
	}

	String databaseName() {
		return this.databaseName;
	}

	String ownerName() {
		return this.ownerName;
	}

	String tableName() {
		return this.tableName;
	}

	long takePosition() {
		return this.nextPosition++;
	}

	/** The position the next message will get. */
	long peekPosition() {
		return this.nextPosition;
	}

	void append(StoredMessage message) {
		this.messages.add(message);
		this.lastMessageTime = message.timestamp();
	}

	void clear() {
		this.messages.clear();
	}

	/** The messages in position order (a read-only view). */
	List<StoredMessage> messages() {
		return Collections.unmodifiableList(this.messages);
	}

	@Nullable Instant lastMessageTime() {
		return this.lastMessageTime;
	}

	/**
	 * The index of the first message at or after a position (binary search; positions ascend).
	 */
	int indexOfPosition(long position) {
		int low = 0;
		int high = this.messages.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.messages.get(middle).position() < position) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * The index of the first message stamped at or after an instant (timestamps never decrease within a
	 * log unless the clock is set back; then the scan is linear).
	 */
	int indexOfTime(Instant from) {
		for (int i = 0; i < this.messages.size(); i++) {
			if (!this.messages.get(i).timestamp().isBefore(from)) {
				return i;
			}
		}
		return this.messages.size();
	}

}
