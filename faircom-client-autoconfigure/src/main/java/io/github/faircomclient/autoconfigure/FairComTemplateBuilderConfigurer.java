package io.github.faircomclient.autoconfigure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FairComRecordMapperCustomizer;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.FairComSessionListener;
import io.github.faircomclient.session.FairComSessionSettings;

/**
 * Configures a {@link FairComTemplateBuilder} with the {@code faircom.*} settings and the
 * application's beans: timeouts, pool, answer limits, retries, session settings and login
 * mode, typed DB settings, MQ settings ({@code faircom.mq.*}), error codes, observation registry and conventions,
 * {@link FairComRestClientCustomizer} and {@link FairComRecordMapperCustomizer} beans,
 * session events as application events, and virtual threads for the template's own
 * threads when {@code spring.threads.virtual.enabled} is on (Java 21 or later). The
 * connection (url, credentials, token, SSL bundle and host name verification) is left to
 * the caller. The auto-configured
 * {@code FairComTemplateBuilder} prototype bean comes from here; call
 * {@link #configure(FairComTemplateBuilder)} to get the same settings on a builder of
 * your own.
 */
public final class FairComTemplateBuilderConfigurer {

	private final FairComProperties properties;

	private final FairComDbProperties dbProperties;

	private final String defaultDescription;

	private final ObservationRegistry observationRegistry;

	private final @Nullable FairComRequestObservationConvention observationConvention;

	private final @Nullable FairComSessionObservationConvention sessionObservationConvention;

	private final List<FairComRestClientCustomizer> customizers;

	private final List<FairComRecordMapperCustomizer> recordMapperCustomizers;

	private final FairComSessionListener sessionListener;

	private final MqSettings mqSettings;

	private final boolean virtualThreads;

	FairComTemplateBuilderConfigurer(FairComProperties properties, FairComDbProperties dbProperties,
			String defaultDescription, ObservationRegistry observationRegistry,
			@Nullable FairComRequestObservationConvention observationConvention,
			@Nullable FairComSessionObservationConvention sessionObservationConvention,
			List<FairComRestClientCustomizer> customizers, List<FairComRecordMapperCustomizer> recordMapperCustomizers,
			FairComSessionListener sessionListener, MqSettings mqSettings, boolean virtualThreads) {
		this.properties = properties;
		this.dbProperties = dbProperties;
		this.defaultDescription = defaultDescription;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.sessionObservationConvention = sessionObservationConvention;
		this.customizers = customizers;
		this.recordMapperCustomizers = recordMapperCustomizers;
		this.sessionListener = sessionListener;
		this.mqSettings = mqSettings;
		this.virtualThreads = virtualThreads;
	}

	/**
	 * Apply the settings to a builder.
	 * @param builder the builder
	 * @return the builder
	 * @throws FairComConfigurationException naming the property if a setting is wrong
	 */
	public FairComTemplateBuilder configure(FairComTemplateBuilder builder) {
		FairComProperties properties = this.properties;
		FairComProperties.Session session = properties.getSession();
		return builder.connectTimeout(properties.getConnectTimeout())
			.readTimeout(properties.getReadTimeout())
			.callTimeout(properties.getCallTimeout())
			.maxResponseSize(properties.getMaxResponseSize())
			.maxResponseValues(properties.getMaxResponseValues())
			.maxConnections(properties.getPool().getMaxConnections())
			.connectionAcquireTimeout(properties.getPool().getAcquireTimeout())
			.retry(retrySettings(properties.getRetry()))
			.sessionSettings(sessionSettings(session))
			.keepalive(session.isKeepalive())
			.loginMode(session.getLogin())
			.errorCodes(errorCodes(properties.getErrorCodes()))
			.dbSettings(dbSettings(this.dbProperties))
			.observationRegistry(this.observationRegistry)
			.observationConvention(this.observationConvention)
			.sessionObservationConvention(this.sessionObservationConvention)
			.customizers(this.customizers)
			.sessionListener(this.sessionListener)
			.mqSettings(this.mqSettings)
			.virtualThreads(this.virtualThreads);
	}

	private static FairComRetrySettings retrySettings(FairComProperties.Retry retry) {
		return FairComRetrySettings.builder()
			.enabled(retry.isEnabled())
			.maxAttempts(retry.getMaxAttempts())
			.initialBackoff(retry.getInitialBackoff())
			.maxBackoff(retry.getMaxBackoff())
			.multiplier(retry.getMultiplier())
			.maxRetryAfter(retry.getMaxRetryAfter())
			.build();
	}

	private FairComSessionSettings sessionSettings(FairComProperties.Session session) {
		String description = ConfiguredText.of("faircom.session.description", session.getDescription());
		return FairComSessionSettings.builder()
			.description((description != null) ? description : this.defaultDescription)
			.idleTimeout(session.getIdleTimeout())
			.cursorIdleTimeout(session.getCursorIdleTimeout())
			.defaultApi(ConfiguredText.of("faircom.session.default-api", session.getDefaultApi()))
			.defaultDatabase(ConfiguredText.of("faircom.session.default-database", session.getDefaultDatabase()))
			.defaultOwner(ConfiguredText.of("faircom.session.default-owner", session.getDefaultOwner()))
			.defaultDebug(ConfiguredText.of("faircom.session.default-debug", session.getDefaultDebug()))
			.defaultBinaryFormat(
					ConfiguredText.of("faircom.session.default-binary-format", session.getDefaultBinaryFormat()))
			.defaultVariantFormat(
					ConfiguredText.of("faircom.session.default-variant-format", session.getDefaultVariantFormat()))
			.defaultResponseOptions(responseOptions(session.getDefaultResponseOptions()))
			.build();
	}

	/**
	 * The response options as FairCom reads them: camelCase names (the binder keeps map
	 * keys as written) and booleans for {@code true} and {@code false}.
	 */
	private static Map<String, Object> responseOptions(Map<String, String> options) {
		Map<String, Object> converted = new LinkedHashMap<>();
		options.forEach((name, value) -> {
			String property = "faircom.session.default-response-options." + name;
			String text = ConfiguredText.of(property, value);
			if (text != null) {
				converted.put(name, ("true".equals(text) || "false".equals(text)) ? Boolean.valueOf(text) : text);
			}
		});
		return converted;
	}

	private DbSettings dbSettings(FairComDbProperties db) {
		return DbSettings.builder()
			.maxRecords(db.getMaxRecords())
			.fetchSize(db.getFetchSize())
			.batchSize(db.getBatchSize())
			.binaryFormat(db.getBinaryFormat())
			.numberFormat(db.getNumberFormat())
			.recordMapperCustomizers(this.recordMapperCustomizers)
			.bulk(bulkSettings(db.getBulk()))
			.build();
	}

	private static BulkSettings bulkSettings(FairComDbProperties.Bulk bulk) {
		DataSize targetBatchSize = FairComConfigurationException.requireSet("faircom.db.bulk.target-batch-size",
				bulk.getTargetBatchSize(), "Set faircom.db.bulk.target-batch-size to a size such as 1MB.");
		return BulkSettings.builder()
			.lanes(bulk.getLanes())
			.targetBatchBytes(targetBatchSize.toBytes())
			.minBatchRecords(bulk.getMinBatchRecords())
			.maxBatchRecords(bulk.getMaxBatchRecords())
			.latencyBudget(bulk.getLatencyBudget())
			.build();
	}

	static FairComErrorCodes errorCodes(FairComProperties.ErrorCodes properties) {
		Map<Integer, String> seen = new HashMap<>();
		FairComErrorCodes codes = FairComErrorCodes.none();
		codes = add(codes, FairComErrorCodes.Category.DUPLICATE_KEY, properties.getDuplicateKey(), seen);
		codes = add(codes, FairComErrorCodes.Category.NOT_FOUND, properties.getNotFound(), seen);
		return add(codes, FairComErrorCodes.Category.CHANGE_ID_CONFLICT, properties.getChangeIdConflict(), seen);
	}

	/**
	 * Add the codes of one category, refusing a code that another category lists too (the
	 * table itself refuses 0).
	 */
	private static FairComErrorCodes add(FairComErrorCodes codes, FairComErrorCodes.Category category,
			List<Integer> values, Map<Integer, String> seen) {
		String property = category.property();
		for (Integer code : values) {
			if (code == null) {
				throw new FairComConfigurationException(property, values, "it has an empty entry",
						"List only the non-zero codes your server answers with, separated by commas.");
			}
			String other = seen.putIfAbsent(code, property);
			if (other != null) {
				throw new FairComConfigurationException(property, values,
						"error code " + code + " is also listed in " + other,
						"List each code under one of the faircom.error-codes.* properties only: a code raises one "
								+ "exception type.");
			}
			codes = codes.with(category, code);
		}
		return codes;
	}

}
