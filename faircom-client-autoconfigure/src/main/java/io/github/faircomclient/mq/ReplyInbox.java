package io.github.faircomclient.mq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComClientClosedException;

import tools.jackson.databind.JsonNode;

/**
 * The replies of one template's requests: a temporary MQ API session subscribed to the
 * template's reply topic. Waiting callers take turns reading it (whoever finds the read
 * free reads for everybody and hands each reply to the caller with its correlation data);
 * the others wait on their own reply, so no thread is spent while no request waits.
 */
final class ReplyInbox {

	private static final Log logger = LogFactory.getLog(ReplyInbox.class);

	private static final int MAX_MESSAGES = 100;

	private final MqTemplate template;

	private final MqClientSession session;

	private final String topic;

	private final MqPolling polling;

	private final Map<String, CompletableFuture<MqMessage<JsonNode>>> pending = new ConcurrentHashMap<>();

	private final ReentrantLock readLock = new ReentrantLock();

	ReplyInbox(MqTemplate template, String clientName, String topic, MqPolling polling) {
		this.template = template;
		this.topic = topic;
		this.polling = polling;
		this.session = new MqClientSession(template, clientName,
				MqSessionSettings.builder().temporarySession(true).keepAlive(Duration.ofSeconds(60)).build(),
				List.of(MqSubscription.to(topic).withRetainHandling(MqRetainHandling.NEVER)));
	}

	String topic() {
		return this.topic;
	}

	void ensure() {
		this.session.ensure();
	}

	CompletableFuture<MqMessage<JsonNode>> expect(String correlation) {
		CompletableFuture<MqMessage<JsonNode>> reply = new CompletableFuture<>();
		this.pending.put(correlation, reply);
		return reply;
	}

	void forget(String correlation) {
		this.pending.remove(correlation);
	}

	/**
	 * Wait for a reply until the deadline ({@link System#nanoTime()}).
	 * @return the reply, or {@code null} if none came in time
	 */
	@Nullable MqMessage<JsonNode> await(CompletableFuture<MqMessage<JsonNode>> reply, long deadline) {
		Duration pause = this.polling.minInterval();
		while (true) {
			if (reply.isDone()) {
				return reply.join();
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			if (this.readLock.tryLock()) {
				boolean gotMessages;
				try {
					gotMessages = !reply.isDone() && readOnce();
				}
				finally {
					this.readLock.unlock();
				}
				pause = this.polling.next(pause, gotMessages);
			}
			try {
				return reply.get(Math.min(left, Math.max(1, pause.toNanos())), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				// not yet: read again or wait for the reader
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FairComClientClosedException("Interrupted while waiting for the reply on " + this.topic,
						"mq", "getMessagesFromMqApiSession", null, ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A reply future cannot fail", ex);
			}
		}
	}

	private boolean readOnce() {
		MqMessageBatch<JsonNode> batch = this.session
			.run((name) -> this.template.read(name, null, MAX_MESSAGES, JsonNode.class));
		for (MqMessage<JsonNode> message : batch.messages()) {
			String correlation = correlation(message.correlationData());
			CompletableFuture<MqMessage<JsonNode>> reply = (correlation != null) ? this.pending.remove(correlation)
					: null;
			if (reply != null) {
				reply.complete(message);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Dropping a reply on " + this.topic + " that no request waits for (late or unknown)");
			}
		}
		return !batch.isEmpty();
	}

	static @Nullable String correlation(@Nullable JsonNode correlationData) {
		if (correlationData == null || correlationData.isNull()) {
			return null;
		}
		return correlationData.isString() ? correlationData.stringValue() : correlationData.toString();
	}

}
