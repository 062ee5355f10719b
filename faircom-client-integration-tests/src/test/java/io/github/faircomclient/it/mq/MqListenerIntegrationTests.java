package io.github.faircomclient.it.mq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.health.FairComHealthContributorAutoConfiguration;
import io.github.faircomclient.autoconfigure.mq.FairComMqAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.metrics.MicrometerMqListenerMetrics;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqOutgoingMessage;
import io.github.faircomclient.mq.MqReplayStart;
import io.github.faircomclient.mq.MqRequestTimeoutException;
import io.github.faircomclient.mq.listener.FairComMqListener;
import io.github.faircomclient.mq.listener.MqListenerContainer;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.mq.MqPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code @FairComMqListener} containers of an auto-configured application against the
 * emulator: a share group that processes every message once, a restart that loses nothing,
 * dead letters, request/reply, a trace that crosses publish and listener, a JSON session
 * that expires while the containers poll, and a server restart while they poll.
 */
class MqListenerIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final MutableEmulatorClock clock = EmulatorClock.fixedAtNow();

	private static FairComEmulator emulator;

	record Item(int n) {
	}

	record QuoteRequest(String sku, int qty) {
	}

	record Quote(String sku, double price) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").clock(clock).build().start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
					FairComMqAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class))
			.withPropertyValues("faircom.url=" + emulator.httpUrl(), "faircom.username=app", "faircom.password=secret",
					"spring.application.name=shop", "faircom.mq.instance=it", "faircom.mq.listener.max-messages=10",
					"faircom.mq.listener.min-poll-interval=2ms", "faircom.mq.listener.max-poll-interval=50ms");
	}

	@Test
	void threeContainersOfAShareGroupProcessEachOfAThousandMessagesOnce() {
		runner().withUserConfiguration(Workers.class).withBean(SimpleMeterRegistry.class).run((context) -> {
			Workers workers = context.getBean(Workers.class);
			awaitPolling(context, "worker-1", "worker-2", "worker-3");
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			for (int batch = 0; batch < 20; batch++) {
				int first = batch * 50;
				mq.publishAll("work/items",
						IntStream.range(first, first + 50).mapToObj((n) -> MqOutgoingMessage.of(new Item(n))).toList());
			}
			await().atMost(WAIT).until(() -> workers.handled.size() == 1000);
			assertThat(workers.handled.values()).allSatisfy((handlers) -> assertThat(handlers).hasSize(1));
			Set<String> containers = ConcurrentHashMap.newKeySet();
			workers.handled.values().forEach(containers::addAll);
			assertThat(containers).containsExactlyInAnyOrder("worker-1", "worker-2", "worker-3");
			MqPlugin plugin = emulator.plugin(MqPlugin.class).orElseThrow();
			assertThat(LongStream.rangeClosed(1, 1000).boxed().toList()).as("stateful deliveries of each message")
				.allSatisfy((position) -> assertThat(plugin.deliveryCount("work/items", position)).isEqualTo(1));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find(MicrometerMqListenerMetrics.MESSAGES).counters()
				.stream()
				.mapToDouble((counter) -> counter.count())
				.sum()).isEqualTo(1000.0);
			assertThat(meters.find(MicrometerMqListenerMetrics.POLLS).tag("listener", "worker-1").timer())
				.isNotNull();
			Health health = ((HealthIndicator) context.getBean("faircomHealthContributor")).health(true);
			assertThat(health.getStatus().getCode()).isEqualTo("UP");
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> listeners = (Map<String, Map<String, Object>>) health.getDetails()
				.get("mqListeners");
			assertThat(listeners).containsOnlyKeys("worker-1", "worker-2", "worker-3");
			assertThat(listeners.values().stream().mapToLong((details) -> (Long) details.get("messages")).sum())
				.isEqualTo(1000);
		});
	}

	@Test
	void aServerRestartWhileTheContainerPollsLosesNothingAndPollingResumes() {
		runner().withUserConfiguration(Recovering.class).run((context) -> {
			Recovering recovering = context.getBean(Recovering.class);
			awaitPolling(context, "recovering");
			MqListenerContainer container = context.getBean(MqListenerContainerRegistry.class)
				.getListenerContainer("recovering");
			emulator.stop();
			try {
				await().atMost(WAIT).until(() -> container.getStatistics().consecutivePollFailures() >= 3);
			}
			finally {
				emulator.start();
			}
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			IntStream.range(0, 5).forEach((n) -> mq.publish("recover/items", new Item(n)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(recovering.handled).as(container.getStatistics()::toString)
					.hasSize(5));
			assertThat(container.getStatistics().consecutivePollFailures()).isZero();
			assertThat(recovering.calls.get()).as("each message once").isEqualTo(5);
		});
	}

	@Test
	void aContainerStoppedAndStartedAgainLosesNothing() {
		runner().withUserConfiguration(Restartable.class).run((context) -> {
			Restartable restartable = context.getBean(Restartable.class);
			awaitPolling(context, "restartable");
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			IntStream.range(0, 5).forEach((n) -> mq.publish("restart/items", new Item(n)));
			await().atMost(WAIT).until(() -> restartable.handled.size() == 5);
			MqListenerContainer container = context.getBean(MqListenerContainerRegistry.class)
				.getListenerContainer("restartable");
			container.stop();
			assertThat(container.isRunning()).isFalse();
			IntStream.range(5, 15).forEach((n) -> mq.publish("restart/items", new Item(n)));
			MqPlugin plugin = emulator.plugin(MqPlugin.class).orElseThrow();
			assertThat(plugin.client(container.getClientName()).orElseThrow().backlog())
				.as("the permanent session keeps what is published while its container is stopped")
				.isEqualTo(10);
			assertThat(restartable.handled).hasSize(5);
			container.start();
			await().atMost(WAIT).until(() -> restartable.handled.size() == 15);
			assertThat(restartable.calls.get()).as("each message once").isEqualTo(15);
		});
	}

	@Test
	void aPoisonMessageGoesToTheDeadLetterTopicAfterItsAttempts() {
		runner().withUserConfiguration(Poisoned.class).withPropertyValues("faircom.mq.listener.max-attempts=4")
			.run((context) -> {
				Poisoned poisoned = context.getBean(Poisoned.class);
				awaitPolling(context, "poisoned");
				MqOperations mq = context.getBean(FairComTemplate.class).mq();
				mq.publish("payments/in", MqOutgoingMessage.builder("pay 10").userProperty("tenant", "eu").build());
				mq.publish("payments/in", "poison");
				mq.publish("payments/in", "pay 20");
				await().atMost(WAIT).until(() -> poisoned.paid.size() == 2);
				assertThat(poisoned.paid).containsExactly("pay 10", "pay 20");
				assertThat(poisoned.poisonAttempts.get()).isEqualTo(4);
				List<MqMessage<String>> dead = mq
					.replay("dead-letters/payments/in", MqReplayStart.head(), 10, String.class)
					.messages();
				assertThat(dead).extracting(MqMessage::payload).containsExactly("poison");
				assertThat(dead.get(0).userProperty("faircom-dlt-topic")).contains("payments/in");
				assertThat(dead.get(0).userProperty("faircom-dlt-attempts")).contains("4");
				assertThat(dead.get(0).userProperty("faircom-dlt-exception"))
					.contains(IllegalArgumentException.class.getName());
				assertThat(dead.get(0).userProperty("faircom-dlt-exception-message")).contains("not a payment: poison");
				MqListenerContainer container = context.getBean(MqListenerContainerRegistry.class)
					.getListenerContainer("poisoned");
				assertThat(container.getStatistics().deadLettered()).isEqualTo(1);
				assertThat(container.getStatistics().failures()).isEqualTo(4);
			});
	}

	@Test
	void aRequestGetsTheListenersReturnValueAndTimesOutWithoutOne() {
		runner().withUserConfiguration(Quotes.class).run((context) -> {
			awaitPolling(context, "quotes");
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			Quote quote = mq.request("quotes/requests", new QuoteRequest("BOLT-M6", 10), Quote.class,
					Duration.ofSeconds(20));
			assertThat(quote).isEqualTo(new Quote("BOLT-M6", 3.5));
			List<Quote> quotes = IntStream.rangeClosed(1, 12)
				.parallel()
				.mapToObj((n) -> mq.request("quotes/requests", new QuoteRequest("SKU-" + n, n), Quote.class,
						Duration.ofSeconds(20)))
				.toList();
			assertThat(quotes).extracting(Quote::sku)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj((n) -> "SKU-" + n).toList());
			long start = System.nanoTime();
			assertThatExceptionOfType(MqRequestTimeoutException.class)
				.isThrownBy(() -> mq.request("quotes/nobody-answers", new QuoteRequest("X", 1), Quote.class,
						Duration.ofMillis(300)))
				.satisfies((ex) -> assertThat(ex.getTopic()).isEqualTo("quotes/nobody-answers"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
					Duration.ofSeconds(10));
		});
	}

	@Test
	void theTraceOfThePublisherContinuesInTheListener() {
		runner().withUserConfiguration(TracingConfiguration.class, Traced.class).run((context) -> {
			awaitPolling(context, "traced");
			Traced traced = context.getBean(Traced.class);
			Tracer tracer = context.getBean(Tracer.class);
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			String[] traceId = new String[1];
			Observation.createNotStarted("checkout", registry).observe(() -> {
				traceId[0] = tracer.currentSpan().context().traceId();
				mq.publish("orders/traced", new Item(1));
			});
			await().atMost(WAIT).until(() -> !traced.traceIds.isEmpty());
			assertThat(traced.traceIds).containsExactly(traceId[0]);
			assertThat(traced.propagated).as("the trace context travels in user properties")
				.anySatisfy((key) -> assertThat(key.toLowerCase()).contains("traceid"));
		});
	}

	@Test
	void aJsonSessionThatExpiresWhileContainersPollIsInvisibleToTheListener() {
		runner().withUserConfiguration(Expiring.class).run((context) -> {
			Expiring expiring = context.getBean(Expiring.class);
			awaitPolling(context, "expiring");
			MqOperations mq = context.getBean(FairComTemplate.class).mq();
			IntStream.range(0, 10).forEach((n) -> mq.publish("expiry/items", new Item(n)));
			await().atMost(WAIT).until(() -> expiring.handled.size() == 10);
			long logins = emulator.actionCount("createSession");
			clock.advanceSeconds(3601);
			IntStream.range(10, 20).forEach((n) -> mq.publish("expiry/items", new Item(n)));
			await().atMost(WAIT).until(() -> expiring.handled.size() == 20);
			assertThat(expiring.calls.get()).isEqualTo(20);
			assertThat(emulator.actionCount("createSession")).as("the template logged in again").isGreaterThan(logins);
			MqListenerContainer container = context.getBean(MqListenerContainerRegistry.class)
				.getListenerContainer("expiring");
			assertThat(container.getStatistics().failures()).isZero();
			assertThat(container.getStatistics().lastPollError()).isNull();
		});
	}

	private static void awaitPolling(AssertableApplicationContext context, String... ids) {
		assertThat(context).hasNotFailed();
		MqListenerContainerRegistry registry = context.getBean(MqListenerContainerRegistry.class);
		for (String id : ids) {
			MqListenerContainer container = registry.getListenerContainer(id);
			assertThat(container).as(id).isNotNull();
			await().atMost(WAIT).until(() -> container.getStatistics().polls() > 0
					&& container.getStatistics().consecutivePollFailures() == 0);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Workers {

		final Map<Integer, Queue<String>> handled = new ConcurrentHashMap<>();

		@FairComMqListener(id = "worker-1", topics = "work/items", group = "workers")
		void one(Item item) {
			handle("worker-1", item);
		}

		@FairComMqListener(id = "worker-2", topics = "work/items", group = "workers", concurrency = "2")
		void two(Item item) {
			handle("worker-2", item);
		}

		@FairComMqListener(id = "worker-3", topics = "work/items", group = "workers", concurrency = "3")
		void three(Item item) {
			handle("worker-3", item);
		}

		private void handle(String container, Item item) {
			this.handled.computeIfAbsent(item.n(), (key) -> new ConcurrentLinkedQueue<>()).add(container);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Restartable {

		final Set<Integer> handled = ConcurrentHashMap.newKeySet();

		final AtomicInteger calls = new AtomicInteger();

		@FairComMqListener(id = "restartable", topics = "restart/items")
		void handle(Item item) {
			this.calls.incrementAndGet();
			this.handled.add(item.n());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Recovering {

		final Set<Integer> handled = ConcurrentHashMap.newKeySet();

		final AtomicInteger calls = new AtomicInteger();

		@FairComMqListener(id = "recovering", topics = "recover/items")
		void handle(Item item) {
			this.calls.incrementAndGet();
			this.handled.add(item.n());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Poisoned {

		final Queue<String> paid = new ConcurrentLinkedQueue<>();

		final AtomicInteger poisonAttempts = new AtomicInteger();

		@FairComMqListener(id = "poisoned", topics = "payments/in")
		void pay(String payment) {
			if (payment.equals("poison")) {
				this.poisonAttempts.incrementAndGet();
				throw new IllegalArgumentException("not a payment: " + payment);
			}
			this.paid.add(payment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Quotes {

		@FairComMqListener(id = "quotes", topics = "quotes/requests", concurrency = "4")
		Quote quote(QuoteRequest request) {
			return new Quote(request.sku(), request.qty() * 0.35);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Traced {

		final Queue<String> traceIds = new ConcurrentLinkedQueue<>();

		final Queue<String> propagated = new ConcurrentLinkedQueue<>();

		private final Tracer tracer;

		Traced(Tracer tracer) {
			this.tracer = tracer;
		}

		@FairComMqListener(id = "traced", topics = "orders/traced")
		void handle(MqMessage<Item> message) {
			message.userProperties().forEach((property) -> this.propagated.add(property.key()));
			this.traceIds.add(this.tracer.currentSpan().context().traceId());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TracingConfiguration {

		@Bean(destroyMethod = "close")
		brave.Tracing braveTracing() {
			return brave.Tracing.newBuilder().currentTraceContext(ThreadLocalCurrentTraceContext.create()).build();
		}

		@Bean
		Tracer tracer(brave.Tracing tracing) {
			return new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
					new BraveBaggageManager());
		}

		@Bean
		ObservationRegistry observationRegistry(brave.Tracing tracing, Tracer tracer) {
			BravePropagator propagator = new BravePropagator(tracing);
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
						new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
						new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
						new DefaultTracingObservationHandler(tracer)));
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Expiring {

		final Set<Integer> handled = ConcurrentHashMap.newKeySet();

		final AtomicInteger calls = new AtomicInteger();

		@FairComMqListener(id = "expiring", topics = "expiry/items")
		void handle(Item item) {
			this.calls.incrementAndGet();
			this.handled.add(item.n());
		}

	}

}
