package io.github.faircomclient.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.mq.MqSubscription;
import io.github.faircomclient.mq.listener.DefaultMqListenerContainerFactory;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.mq.listener.MqListenerContainerSettings;
import io.github.faircomclient.mq.listener.MqListenerEndpoint;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.FairComStub;
import io.github.faircomclient.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MqListenerHealthDetailsContributor}: the containers of a template in its health,
 * and a container whose reads keep failing turning it down.
 */
class MqListenerHealthDetailsContributorTests {

	private final FairComStub stub = new FairComStub();

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

	private final MqListenerContainerRegistry registry = new MqListenerContainerRegistry();

	@AfterEach
	void stop() {
		this.registry.stop();
		this.stub.close();
	}

	@Test
	void showsTheTemplatesContainersAndGoesDownOnlyWhenReadsKeepFailing() {
		FairComTemplate template = this.stub.template();
		DefaultMqListenerContainerFactory factory = new DefaultMqListenerContainerFactory(template.mq(),
				MqListenerContainerSettings.builder().clientNamePrefix("app").build());
		factory.setTaskScheduler(this.scheduler);
		this.registry.registerListenerContainer(new MqListenerEndpoint("billing",
				List.of(MqSubscription.to("orders/#")), String.class, (message) -> null), factory);
		this.registry.start();
		this.scheduler.advance(Duration.ZERO);
		Health healthy = health(template, Clock.systemUTC());
		assertThat(healthy.getStatus()).isEqualTo(Status.UP);
		assertThat(listener(healthy)).containsEntry("clientName", "app-billing")
			.containsEntry("running", true)
			.containsEntry("polls", 1L)
			.containsEntry("consecutivePollFailures", 0)
			.doesNotContainKey("failingSince");
		this.stub.failConnection("getMessagesFromMqApiSession");
		this.scheduler.advance(Duration.between(this.clock.instant(), this.scheduler.pending().get(0)));
		Health failing = health(template, Clock.systemUTC());
		assertThat(failing.getStatus()).as("a short outage").isEqualTo(Status.UP);
		assertThat(listener(failing)).containsEntry("consecutivePollFailures", 1).containsKey("lastPollError");
		Health down = health(template, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31)));
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void addsNothingForATemplateWithoutContainers() {
		Health.Builder builder = Health.up();
		new MqListenerHealthDetailsContributor(this.registry).contribute(this.stub.template(), builder);
		assertThat(builder.build().getDetails()).doesNotContainKey("mqListeners");
	}

	private Health health(FairComTemplate template, Clock clock) {
		Health.Builder builder = Health.up();
		new MqListenerHealthDetailsContributor(this.registry, clock).contribute(template, builder);
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> listener(Health health) {
		return ((Map<String, Map<String, Object>>) health.getDetails().get("mqListeners")).get("billing");
	}

}
