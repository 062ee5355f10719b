package io.github.faircomclient.benchmarks;

import tools.jackson.databind.JsonNode;

/**
 * One way of calling a FairCom action: through {@code FairComTemplate} or through hand-written
 * HttpClient 5 code. Both log in on the first call, send the same envelope and hand back the
 * decoded {@code result} of a successful answer.
 */
interface BenchClient extends AutoCloseable {

	/**
	 * Run one action and return its decoded {@code result}.
	 * @param api the api, e.g. {@code db}
	 * @param action the action, e.g. {@code getRecordsByIds}
	 * @param params the parameters (a record, a map or a {@code JsonNode})
	 * @return the {@code result} of the answer
	 * @throws IllegalStateException (raw client) or a {@code FairComException} (template) when the
	 * server answers with an error
	 */
	JsonNode call(String api, String action, Object params);

	/**
	 * Log out (when logged in) and release the connection pool.
	 */
	@Override
	void close();

}
