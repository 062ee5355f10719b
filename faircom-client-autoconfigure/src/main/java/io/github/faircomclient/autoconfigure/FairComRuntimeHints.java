package io.github.faircomclient.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

import io.github.faircomclient.admin.AccountDescription;
import io.github.faircomclient.admin.ServiceInfo;
import io.github.faircomclient.admin.ServiceList;
import io.github.faircomclient.admin.SessionDescription;
import io.github.faircomclient.admin.SessionSummary;
import io.github.faircomclient.autoconfigure.health.FairComHealthProperties;
import io.github.faircomclient.autoconfigure.mq.FairComMqProperties;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.db.BulkProgress;
import io.github.faircomclient.db.DatabaseInfo;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.IndexInfo;
import io.github.faircomclient.db.TableDescription;
import io.github.faircomclient.db.TableInfo;
import io.github.faircomclient.db.TableRebuildResult;
import io.github.faircomclient.db.TransactionInfo;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqMessageBatch;
import io.github.faircomclient.mq.MqPolling;
import io.github.faircomclient.mq.MqPublishResult;
import io.github.faircomclient.mq.MqSessionDescription;
import io.github.faircomclient.mq.MqSessionStats;
import io.github.faircomclient.mq.MqSessionSummary;
import io.github.faircomclient.mq.MqTopicDescription;
import io.github.faircomclient.mq.MqUserProperty;
import io.github.faircomclient.mq.listener.MqListenerContainerStatistics;
import io.github.faircomclient.mq.listener.MqListenerEndpoint;
import io.github.faircomclient.session.FairComLoginAttempt;

/**
 * {@link RuntimeHintsRegistrar} for a native image: binding of the {@code faircom.*}
 * properties classes, and what Jackson needs to write (and read) the library's public
 * records, which applications return from web endpoints or keep as JSON.
 */
class FairComRuntimeHints implements RuntimeHintsRegistrar {

	static final List<Class<?>> PROPERTIES = List.of(FairComProperties.class, FairComDbProperties.class,
			FairComMqProperties.class, FairComHealthProperties.class);

	static final List<Class<?>> RECORDS = List.of(AccountDescription.class, ServiceInfo.class, ServiceList.class,
			SessionDescription.class, SessionSummary.class, FairComWarning.class, BulkProgress.class,
			DatabaseInfo.class, IndexField.class, IndexInfo.class, TableDescription.class, TableInfo.class,
			TableRebuildResult.class, TransactionInfo.class, MqMessage.class, MqMessageBatch.class, MqPolling.class,
			MqPublishResult.class, MqSessionDescription.class, MqSessionStats.class, MqSessionSummary.class,
			MqTopicDescription.class, MqUserProperty.class, MqListenerContainerStatistics.class,
			MqListenerEndpoint.class, FairComLoginAttempt.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(PROPERTIES.toArray(Class<?>[]::new)).registerHints(hints, classLoader);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				RECORDS.toArray(Class<?>[]::new));
	}

}
