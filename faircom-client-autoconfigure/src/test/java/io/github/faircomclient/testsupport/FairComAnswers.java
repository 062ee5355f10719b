package io.github.faircomclient.testsupport;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.web.client.ResponseCreator;
import org.springframework.test.web.client.response.MockRestResponseCreators;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ResponseCreator}s for MockRestServiceServer that answer like a FairCom server:
 * they echo the request's requestId (and authToken) unless the answer sets them.
 */
public final class FairComAnswers {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private FairComAnswers() {
	}

	public static ResponseCreator answer(String json) {
		return answer(HttpStatus.OK, json);
	}

	public static ResponseCreator answer(HttpStatus status, String json) {
		return (request) -> {
			JsonNode sent = mapper.readTree(((MockClientHttpRequest) request).getBodyAsString());
			ObjectNode answer = (ObjectNode) mapper.readTree(json);
			if (!answer.has("requestId") && sent.has("requestId")) {
				answer.set("requestId", sent.get("requestId"));
			}
			return MockRestResponseCreators.withStatus(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(mapper.writeValueAsString(answer))
				.createResponse(request);
		};
	}

	public static ResponseCreator session(String token) {
		return answer("{\"authToken\":\"" + token + "\",\"result\":{\"authToken\":\"" + token
				+ "\",\"username\":\"app\",\"idleConnectionTimeoutSeconds\":3600},\"errorCode\":0,\"errorMessage\":\"\"}");
	}

	public static ResponseCreator success(String resultJson) {
		return answer("{\"result\":" + resultJson + ",\"errorCode\":0,\"errorMessage\":\"\"}");
	}

	public static ResponseCreator error(int code, String message) {
		return answer("{\"errorCode\":" + code + ",\"errorMessage\":\"" + message + "\"}");
	}

	public static ResponseCreator raw(HttpStatus status, MediaType contentType, String body) {
		return (request) -> MockRestResponseCreators.withStatus(status)
			.contentType(contentType)
			.body(body)
			.createResponse(request);
	}

	public static JsonNode sentBody(org.springframework.http.client.ClientHttpRequest request) throws IOException {
		return mapper.readTree(((MockClientHttpRequest) request).getBodyAsString());
	}

}
