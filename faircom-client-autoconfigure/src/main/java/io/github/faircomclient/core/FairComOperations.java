package io.github.faircomclient.core;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.AdminTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbTemplate;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqTemplate;

/**
 * Runs FairCom JSON actions on a session the implementation manages. This is the generic
 * entry point for any action of any api; the typed operations of the DB, admin and MQ
 * apis ({@link #db()}, {@link #admin()}, {@link #mq()}) build on it.
 *
 * @see FairComTemplate
 */
public interface FairComOperations {

	/**
	 * Run an action.
	 * @param api the api, e.g. {@code db} or {@code admin}
	 * @param action the action, e.g. {@code listDatabases}
	 * @param params the parameters ({@link tools.jackson.databind.JsonNode},
	 * {@link java.util.Map} or an object serializing to a JSON object) or {@code null}
	 * @return the successful answer
	 * @throws io.github.faircomclient.FairComApiException if the server answers with a
	 * non-zero {@code errorCode}
	 * @throws io.github.faircomclient.FairComException for any other failure
	 */
	default FairComResponse execute(String api, String action, @Nullable Object params) {
		return execute(FairComRequest.of(api, action, params));
	}

	/**
	 * Run an action.
	 * @param request the action to run
	 * @return the successful answer
	 * @throws io.github.faircomclient.FairComApiException if the server answers with a
	 * non-zero {@code errorCode}
	 * @throws io.github.faircomclient.FairComException for any other failure
	 */
	FairComResponse execute(FairComRequest request);

	/**
	 * Return typed operations for the JSON DB API that run on these operations.
	 * <p>
	 * The default implementation creates {@link DbTemplate} with default settings;
	 * {@link FairComTemplate} returns one configured with its DB settings.
	 * @return the DB operations
	 */
	default DbOperations db() {
		return new DbTemplate(this);
	}

	/**
	 * Return typed operations for the admin API that run on these operations.
	 * @return the admin operations
	 */
	default AdminOperations admin() {
		return new AdminTemplate(this);
	}

	/**
	 * Return typed operations for the MQ API that run on these operations.
	 * <p>
	 * The default implementation creates an {@link MqTemplate} with default settings (a
	 * new one on every call); {@link FairComTemplate} returns one configured with its MQ
	 * settings and observation registry.
	 * @return the MQ operations
	 */
	default MqOperations mq() {
		return new MqTemplate(this);
	}

}
