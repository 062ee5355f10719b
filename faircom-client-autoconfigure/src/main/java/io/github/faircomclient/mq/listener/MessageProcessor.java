package io.github.faircomclient.mq.listener;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqOutgoingMessage;
import io.github.faircomclient.mq.MqPayloadFormat;
import io.github.faircomclient.observation.DefaultMqProcessObservationConvention;
import io.github.faircomclient.observation.MqObservationDocumentation;
import io.github.faircomclient.observation.MqProcessObservationContext;
import io.github.faircomclient.observation.MqProcessObservationConvention;

import tools.jackson.databind.JsonNode;

/**
 * Hands one message to a container's listener, in one observation: maps its payload,
 * calls the listener up to the attempts allowed, publishes its reply, and dead-letters it
 * after the last failed attempt (or at once when its payload does not map).
 */
final class MessageProcessor {

	/**
	 * User properties a dead letter gets beside the message's own.
	 */
	static final String DLT_TOPIC = "faircom-dlt-topic";

	static final String DLT_POSITION = "faircom-dlt-position";

	static final String DLT_LISTENER = "faircom-dlt-listener";

	static final String DLT_ATTEMPTS = "faircom-dlt-attempts";

	static final String DLT_EXCEPTION = "faircom-dlt-exception";

	static final String DLT_EXCEPTION_MESSAGE = "faircom-dlt-exception-message";

	private static final int MAX_EXCEPTION_MESSAGE = 500;

	private static final Log logger = LogFactory.getLog(MessageProcessor.class);

	private final String id;

	private final String topicFilter;

	private final MqListenerEndpoint endpoint;

	private final MqOperations mq;

	private final MqListenerContainerSettings settings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable MqProcessObservationConvention convention;

	private final MqListenerMetrics metrics;

	private final AtomicLong messages = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong deadLettered = new AtomicLong();

	MessageProcessor(MqListenerEndpoint endpoint, MqOperations mq, MqListenerContainerSettings settings,
			ObservationRegistry observationRegistry, @Nullable MqProcessObservationConvention convention,
			MqListenerMetrics metrics) {
		this.id = endpoint.id();
		this.topicFilter = String.join(",", endpoint.subscriptions().stream().map((s) -> s.topicFilter()).toList());
		this.endpoint = endpoint;
		this.mq = mq;
		this.settings = settings;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.metrics = metrics;
	}

	void process(MqMessage<JsonNode> raw) {
		MqProcessObservationContext context = new MqProcessObservationContext(raw, this.id, this.topicFilter);
		Observation observation = MqObservationDocumentation.PROCESS.observation(this.convention,
				DefaultMqProcessObservationConvention.INSTANCE, () -> context, this.observationRegistry);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			Exception failure = handle(raw, context);
			if (failure != null) {
				observation.error(failure);
			}
		}
		finally {
			observation.stop();
		}
	}

	private @Nullable Exception handle(MqMessage<JsonNode> raw, MqProcessObservationContext context) {
		MqMessage<Object> message;
		try {
			message = this.mq.convert(raw, this.endpoint.payloadType());
		}
		catch (FairComMappingException ex) {
			failed();
			context.setOutcome(deadLetter(raw, ex, 1) ? "DEAD_LETTERED" : "FAILURE");
			return ex;
		}
		Exception last = null;
		int attempts = 0;
		while (attempts < this.settings.maxAttempts()) {
			attempts++;
			Object reply;
			try {
				reply = this.endpoint.listener().onMessage(message);
			}
			catch (Exception ex) {
				last = ex;
				failed();
				if (logger.isDebugEnabled()) {
					logger.debug("Listener " + this.id + " failed attempt " + attempts + " of " + this.settings.maxAttempts()
							+ " on a message of " + raw.topic() + ": " + ex);
				}
				if (attempts < this.settings.maxAttempts() && !pause()) {
					break;
				}
				continue;
			}
			this.messages.incrementAndGet();
			this.metrics.processed(this.id);
			context.setOutcome("SUCCESS");
			reply(raw, reply);
			return null;
		}
		context.setOutcome(deadLetter(raw, last, attempts) ? "DEAD_LETTERED" : "FAILURE");
		return last;
	}

	private void failed() {
		this.failures.incrementAndGet();
		this.metrics.failed(this.id);
	}

	private boolean pause() {
		Duration backoff = this.settings.retryBackoff();
		if (backoff.isZero()) {
			return true;
		}
		try {
			TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void reply(MqMessage<JsonNode> request, @Nullable Object reply) {
		if (reply == null) {
			return;
		}
		String responseTopic = request.responseTopic();
		if (responseTopic == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Listener " + this.id + " returned a value for a message of " + request.topic()
						+ " without a response topic; nothing is published");
			}
			return;
		}
		MqOutgoingMessage.Builder builder = (reply instanceof MqOutgoingMessage message) ? message.mutate()
				: MqOutgoingMessage.builder(reply);
		if (request.correlationData() != null) {
			builder.correlationData(request.correlationData());
		}
		try {
			this.mq.publish(responseTopic, builder.build());
		}
		catch (RuntimeException ex) {
			logger.error("Listener " + this.id + " could not publish its reply to " + responseTopic + ": " + ex);
		}
	}

	/**
	 * Publish the message to its dead-letter topic as it came, with user properties that
	 * say where it came from and why it failed.
	 * @return whether it was dead-lettered
	 */
	private boolean deadLetter(MqMessage<JsonNode> raw, @Nullable Exception failure, int attempts) {
		this.deadLettered.incrementAndGet();
		this.metrics.deadLettered(this.id);
		String topic = this.settings.deadLetterTopic(raw.topic());
		String reason = (failure != null) ? failure.getClass().getName() : "unknown";
		if (topic == null) {
			logger.error("Listener " + this.id + " dropped the message at position " + raw.position() + " of "
					+ raw.topic() + " after " + attempts + " failed attempt(s) (" + reason
					+ "); no dead-letter topic is configured", failure);
			return false;
		}
		MqOutgoingMessage.Builder dead = deadLetterPayload(raw)
			.contentType(raw.contentType())
			.correlationData(raw.correlationData())
			.userProperties(raw.userProperties())
			.userProperty(DLT_TOPIC, raw.topic())
			.userProperty(DLT_POSITION, String.valueOf(raw.position()))
			.userProperty(DLT_LISTENER, this.id)
			.userProperty(DLT_ATTEMPTS, String.valueOf(attempts))
			.userProperty(DLT_EXCEPTION, reason);
		if (failure != null && failure.getMessage() != null) {
			String text = failure.getMessage();
			dead.userProperty(DLT_EXCEPTION_MESSAGE,
					(text.length() > MAX_EXCEPTION_MESSAGE) ? text.substring(0, MAX_EXCEPTION_MESSAGE) + "..." : text);
		}
		try {
			this.mq.publish(topic, dead.build());
			logger.warn("Listener " + this.id + " sent the message at position " + raw.position() + " of "
					+ raw.topic() + " to " + topic + " after " + attempts + " failed attempt(s): " + reason);
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Listener " + this.id + " could not dead-letter the message at position " + raw.position()
					+ " of " + raw.topic() + " to " + topic + "; it is lost: " + ex, failure);
			return false;
		}
	}

	private static MqOutgoingMessage.Builder deadLetterPayload(MqMessage<JsonNode> raw) {
		JsonNode payload = raw.payload();
		MqPayloadFormat format = raw.payloadFormat();
		if (format != null && format.isBinary() && payload.isString()) {
			try {
				byte[] bytes = (format == MqPayloadFormat.HEX) ? HexFormat.of().parseHex(payload.stringValue())
						: Base64.getDecoder().decode(payload.stringValue());
				return MqOutgoingMessage.builder(bytes).payloadFormat(format);
			}
			catch (IllegalArgumentException ex) {
				return MqOutgoingMessage.builder(payload.stringValue());
			}
		}
		if (payload.isString() && format != MqPayloadFormat.JSON) {
			return MqOutgoingMessage.builder(payload.stringValue());
		}
		return MqOutgoingMessage.builder(payload);
	}

	long messages() {
		return this.messages.get();
	}

	long failures() {
		return this.failures.get();
	}

	long deadLettered() {
		return this.deadLettered.get();
	}

}
