package io.github.faircomclient.mq;

import java.util.List;

import io.github.faircomclient.FairComMappingException;

import tools.jackson.databind.JsonNode;

/**
 * Thrown when a payload of a session read does not map to the requested type. The read
 * consumed its messages: they are all here, with their payloads as JSON.
 */
public class MqPayloadMappingException extends FairComMappingException {

	/**
	 * The messages of the read.
	 */
	private final transient List<MqMessage<JsonNode>> messages;

	/**
	 * Create a new exception.
	 * @param cause the mapping failure
	 * @param messages the messages of the read
	 */
	public MqPayloadMappingException(FairComMappingException cause, List<MqMessage<JsonNode>> messages) {
		super(cause.getMessage() + "; the read consumed " + messages.size() + " message(s), available from "
				+ "getMessages()", cause.getApi(), cause.getAction(), cause.getRequestId(), cause.getTargetType(), cause);
		this.messages = List.copyOf(messages);
	}

	/**
	 * Return every message of the read, with its payload as JSON.
	 * @return the messages
	 */
	public List<MqMessage<JsonNode>> getMessages() {
		return this.messages;
	}

}
