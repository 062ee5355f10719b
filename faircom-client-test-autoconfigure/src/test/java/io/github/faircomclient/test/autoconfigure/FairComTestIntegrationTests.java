package io.github.faircomclient.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.autoconfigure.app.Catalog;
import io.github.faircomclient.test.autoconfigure.app.WebLayer;
import io.github.faircomclient.transaction.FairComTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @FairComTest}: the FairCom auto-configuration and the components under test
 * only, against the emulator; its properties reach the environment.
 */
@FairComTest(components = Catalog.class, properties = "faircom.session.description=slice")
class FairComTestIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Catalog catalog;

	@Autowired
	private FairComEmulator emulator;

	@Test
	void loadsTheFairComAutoConfigurationAndTheComponentsUnderTestOnly() {
		assertThat(this.context.getBeanNamesForType(FairComTemplate.class)).hasSize(1);
		assertThat(this.context.getBean(PlatformTransactionManager.class)).isInstanceOf(FairComTransactionManager.class);
		assertThat(this.context.getBeanNamesForType(MqListenerContainerRegistry.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(WebLayer.class)).as("not a component under test").isEmpty();
	}

	@Test
	void theComponentRunsOnTheEmulator() {
		this.catalog.create("slice");
		assertThat(this.catalog.databases()).contains("slice");
		assertThat(this.emulator.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.description()).isEqualTo("slice"));
	}

}
