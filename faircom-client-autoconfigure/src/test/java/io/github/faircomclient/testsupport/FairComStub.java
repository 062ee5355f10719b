package io.github.faircomclient.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseCreator;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComTemplateBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A FairCom server stub on MockRestServiceServer for wire tests of typed operations: it
 * answers {@code createSession} with token {@code T1} (or the one given), records every other request and
 * answers it with the next queued answer for its action, or with a success whose result
 * holds an empty {@code data} array (what a list or query without matches returns).
 * Requests may come from several threads at once.
 */
public final class FairComStub {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String CONNECTION_FAILURE = "!connection-failure";

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<String>> answers = new ConcurrentHashMap<>();

	private final AtomicReference<MockRestServiceServer> server = new AtomicReference<>();

	private final String sessionToken;

	private FairComTemplate template;

	/**
	 * Create a stub whose sessions have the token {@code T1}.
	 */
	public FairComStub() {
		this("T1");
	}

	/**
	 * Create a stub whose sessions have the given token: a realistic one for tests of
	 * server text, where a short token would be masked wherever its letters appear.
	 * @param sessionToken the token of every session
	 */
	public FairComStub(String sessionToken) {
		this.sessionToken = sessionToken;
	}

	/**
	 * Build a template bound to this stub.
	 * @param customizer changes to the builder, e.g. DB settings
	 * @return the template
	 */
	public FairComTemplate template(UnaryOperator<FairComTemplateBuilder> customizer) {
		FairComTemplateBuilder builder = FairComTemplate.builder()
			.url("http://faircom.test:8080/api")
			.credentials("app", "secret")
			.keepalive(false)
			.customizers(List.of((restClient) -> {
				MockRestServiceServer mock = MockRestServiceServer.bindTo(restClient).build();
				mock.expect(ExpectedCount.manyTimes(), (request) -> {
				}).andRespond(this::respond);
				this.server.set(mock);
			}));
		this.template = customizer.apply(builder).build();
		return this.template;
	}

	public FairComTemplate template() {
		return template(UnaryOperator.identity());
	}

	/**
	 * Queue a successful answer with this {@code result}.
	 */
	public FairComStub answer(String action, String resultJson) {
		return answerEnvelope(action, "{\"result\":" + resultJson + ",\"errorCode\":0,\"errorMessage\":\"\"}");
	}

	/**
	 * Queue an error answer.
	 */
	public FairComStub error(String action, int errorCode, String errorMessage) {
		return answerEnvelope(action, "{\"errorCode\":" + errorCode + ",\"errorMessage\":\""
				+ errorMessage.replace("\"", "\\\"") + "\"}");
	}

	/**
	 * Queue a connection failure: the call fails below the JSON layer.
	 */
	public FairComStub failConnection(String action) {
		return answerEnvelope(action, CONNECTION_FAILURE);
	}

	/**
	 * Queue a whole answer envelope (the requestId is echoed unless it has one).
	 */
	public FairComStub answerEnvelope(String action, String envelopeJson) {
		this.answers.computeIfAbsent(action, (key) -> new ConcurrentLinkedDeque<>()).add(envelopeJson);
		return this;
	}

	/**
	 * Return every recorded request (createSession excluded), in order.
	 */
	public List<JsonNode> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the recorded requests of one action, in order.
	 */
	public List<JsonNode> requests(String action) {
		List<JsonNode> matching = new ArrayList<>();
		for (JsonNode request : this.requests) {
			if (action.equals(request.path("action").asString())) {
				matching.add(request);
			}
		}
		return matching;
	}

	/**
	 * Return the only recorded request of one action.
	 */
	public JsonNode request(String action) {
		List<JsonNode> matching = requests(action);
		if (matching.size() != 1) {
			throw new AssertionError("Expected one " + action + " request but found " + matching.size() + ": "
					+ this.requests);
		}
		return matching.get(0);
	}

	/**
	 * Return the actions of the recorded requests, in order.
	 */
	public List<String> actions() {
		return this.requests.stream().map((request) -> request.path("action").asString()).toList();
	}

	public void close() {
		if (this.template != null) {
			this.template.destroy();
		}
	}

	private ClientHttpResponse respond(ClientHttpRequest request) throws IOException {
		JsonNode body = json.readTree(((MockClientHttpRequest) request).getBodyAsString());
		String action = body.path("action").asString();
		ResponseCreator answer;
		if ("createSession".equals(action)) {
			answer = FairComAnswers.session(this.sessionToken);
		}
		else {
			if (!"deleteSession".equals(action)) {
				this.requests.add(body);
			}
			Deque<String> queued = this.answers.get(action);
			String next = (queued != null) ? queued.poll() : null;
			if (CONNECTION_FAILURE.equals(next)) {
				throw new IOException("Connection reset by stub");
			}
			answer = FairComAnswers.answer((next != null) ? next
					: "{\"result\":{\"data\":[]},\"errorCode\":0,\"errorMessage\":\"\"}");
		}
		return answer.createResponse(request);
	}

}
