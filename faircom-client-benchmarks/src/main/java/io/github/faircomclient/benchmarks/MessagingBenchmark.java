package io.github.faircomclient.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqPolling;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.mq.MqSubscription;
import io.github.faircomclient.mq.listener.DefaultMqListenerContainerFactory;
import io.github.faircomclient.mq.listener.MqListenerContainer;
import io.github.faircomclient.mq.listener.MqListenerContainerSettings;
import io.github.faircomclient.mq.listener.MqListenerEndpoint;

import tools.jackson.databind.JsonNode;

/**
 * Messaging over the MQ API, the library against a hand-written HttpClient loop doing the same
 * actions: publish throughput (one message per {@code publishMessagesToMq}, from 1 and 8 threads)
 * and publish→listener latency (one publisher at a fixed rate; the library's listener container
 * against a hand-written poll loop with the same adaptive pause, 10 ms doubling to 1 s, 100
 * messages per read). Latency is measured in one JVM with {@link System#nanoTime()} carried in the
 * payload, from just before the publish call to the listener's hand-over, into an HdrHistogram;
 * the first second of each run is not recorded. Before anything is recorded, both clients publish
 * until the JIT compilers have settled ({@link JitWarmUp}) and run one unrecorded latency run, so
 * that the client measured first does not pay for the JVM's warm-up. Not a JMH benchmark: one run
 * per client and round, in alternating order.
 */
final class MessagingBenchmark {

	static final String TOPIC_PREFIX = "bench/messaging/";

	private static final MqPolling POLLING = new MqPolling(Duration.ofMillis(10), Duration.ofSeconds(1), 2.0);

	private static final int MAX_MESSAGES = 100;

	private static final Duration WARM_UP = Duration.ofSeconds(1);

	private MessagingBenchmark() {
	}

	/**
	 * One measurement.
	 *
	 * @param client {@code template} or {@code raw}
	 * @param measure {@code publish} or {@code latency}
	 * @param round the round
	 * @param threads publishing threads
	 * @param messages messages published (publish) or received and recorded (latency)
	 * @param seconds how long it was measured
	 * @param perSecond messages per second
	 * @param p50Ms median latency in ms ({@code NaN} for publish)
	 * @param p99Ms 99th percentile latency in ms ({@code NaN} for publish)
	 * @param maxMs largest latency in ms ({@code NaN} for publish)
	 */
	record Result(String client, String measure, int round, int threads, long messages, double seconds,
			double perSecond, double p50Ms, double p99Ms, double maxMs) {
	}

	record Payload(long n, long sentAt) {
	}

	/**
	 * Run every measurement against the emulator.
	 * @param url the emulator's endpoint
	 * @param duration how long each measurement runs
	 * @param rounds how many rounds
	 * @param rate messages per second of the latency runs
	 * @return the results
	 * @throws Exception if a run fails
	 */
	static List<Result> measure(URI url, Duration duration, int rounds, int rate, Duration warmUpLimit)
			throws Exception {
		for (String client : List.of("template", "raw")) {
			try (Publisher publisher = publisher(client, url, 1)) {
				String topic = TOPIC_PREFIX + "warm-up-" + client + "-" + suffix();
				AtomicLong n = new AtomicLong();
				System.out.println("messaging " + client + " " + JitWarmUp
					.run(() -> publisher.publish(topic, new Payload(n.incrementAndGet(), System.nanoTime())), warmUpLimit));
			}
			latency(client, url, 0, rate, WARM_UP);
		}
		List<Result> results = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			List<String> order = (round % 2 == 1) ? List.of("template", "raw") : List.of("raw", "template");
			for (String client : order) {
				for (int threads : new int[] { 1, 8 }) {
					results.add(publish(client, url, round, threads, duration));
				}
				results.add(latency(client, url, round, rate, duration));
			}
		}
		return results;
	}

	private static Result publish(String client, URI url, int round, int threads, Duration duration)
			throws Exception {
		String topic = TOPIC_PREFIX + "publish-" + client + "-" + round + "-" + threads + "-" + suffix();
		try (Publisher publisher = publisher(client, url, threads)) {
			publisher.publish(topic, new Payload(-1, System.nanoTime()));
			AtomicLong published = new AtomicLong();
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					running.add(pool.submit(() -> {
						while (System.nanoTime() - end < 0) {
							publisher.publish(topic, new Payload(published.incrementAndGet(), System.nanoTime()));
						}
					}));
				}
				for (Future<?> future : running) {
					future.get();
				}
			}
			finally {
				pool.shutdown();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Result(client, "publish", round, threads, published.get(), seconds, published.get() / seconds,
					Double.NaN, Double.NaN, Double.NaN);
		}
	}

	private static Result latency(String client, URI url, int round, int rate, Duration duration) throws Exception {
		String topic = TOPIC_PREFIX + "latency-" + client + "-" + round + "-" + suffix();
		Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
		AtomicLong received = new AtomicLong();
		long recordFrom = System.nanoTime() + WARM_UP.toNanos();
		Receiver receiver = (payload) -> {
			long now = System.nanoTime();
			if (payload.sentAt() - recordFrom >= 0) {
				histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - payload.sentAt()),
						histogram.getHighestTrackableValue()));
				received.incrementAndGet();
			}
		};
		try (Publisher publisher = publisher(client, url, 2);
				AutoCloseable consumer = consumer(client, url, topic, receiver)) {
			long interval = TimeUnit.SECONDS.toNanos(1) / rate;
			long start = System.nanoTime();
			long total = (WARM_UP.plus(duration).toNanos()) / interval;
			for (long n = 0; n < total; n++) {
				long due = start + n * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				publisher.publish(topic, new Payload(n, System.nanoTime()));
			}
			long expected = total;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() - deadline < 0 && received.get() < expected - warmUpCount(rate)) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			double seconds = duration.toNanos() / 1e9;
			return new Result(client, "latency", round, 1, received.get(), seconds, received.get() / seconds,
					histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
					histogram.getMaxValue() / 1000.0);
		}
	}

	private static long warmUpCount(int rate) {
		return WARM_UP.toSeconds() * rate + 1;
	}

	private static String suffix() {
		return Integer.toHexString(ThreadLocalRandom.current().nextInt());
	}

	private static Publisher publisher(String client, URI url, int connections) {
		String clientName = "bench-" + client + "-pub-" + suffix();
		if ("template".equals(client)) {
			FairComTemplate template = FairComTemplate.builder()
				.url(url)
				.credentials(Workload.USERNAME, Workload.PASSWORD)
				.maxConnections(connections + 2)
				.mqSettings(MqSettings.builder().clientName(clientName).build())
				.build();
			MqOperations mq = template.mq();
			return new Publisher() {
				@Override
				public void publish(String topic, Payload payload) {
					mq.publish(topic, payload);
				}

				@Override
				public void close() {
					template.close();
				}
			};
		}
		HandWrittenClient raw = new HandWrittenClient(url, Workload.USERNAME, Workload.PASSWORD, connections + 2, null);
		raw.call("mq", "createMqApiSession", Map.of("clientName", clientName, "temporarySession", true));
		return new Publisher() {
			@Override
			public void publish(String topic, Payload payload) {
				raw.call("mq", "publishMessagesToMq", Map.of("clientName", clientName, "topic", topic, "messages",
						List.of(Map.of("payload", payload, "binaryFormat", "json"))));
			}

			@Override
			public void close() {
				raw.close();
			}
		};
	}

	private static AutoCloseable consumer(String client, URI url, String topic, Receiver receiver) {
		String clientName = "bench-" + client + "-sub-" + suffix();
		if ("template".equals(client)) {
			FairComTemplate template = FairComTemplate.builder()
				.url(url)
				.credentials(Workload.USERNAME, Workload.PASSWORD)
				.build();
			DefaultMqListenerContainerFactory factory = new DefaultMqListenerContainerFactory(template.mq(),
					MqListenerContainerSettings.builder()
						.clientNamePrefix("bench")
						.temporarySession(true)
						.maxMessages(MAX_MESSAGES)
						.polling(POLLING)
						.build());
			MqListenerContainer container = factory.createContainer(new MqListenerEndpoint("latency",
					List.of(MqSubscription.to(topic)), Payload.class, (message) -> {
						receiver.receive((Payload) message.payload());
						return null;
					}).withClientName(clientName));
			container.start();
			awaitSubscribed(() -> template.mq().describeSession(clientName).isPresent()
					&& !template.mq().describeSession(clientName).get().subscribedTopicFilters().isEmpty());
			return () -> {
				container.stop();
				template.close();
			};
		}
		HandWrittenClient raw = new HandWrittenClient(url, Workload.USERNAME, Workload.PASSWORD, 2, null);
		raw.call("mq", "createMqApiSession", Map.of("clientName", clientName, "temporarySession", true));
		raw.call("mq", "subscribeToMq", Map.of("clientName", clientName, "subscriptionActions",
				List.of(Map.of("subscriptionAction", "add", "topicFilter", topic))));
		AtomicBoolean running = new AtomicBoolean(true);
		Thread poller = new Thread(() -> {
			long pause = POLLING.minInterval().toNanos();
			while (running.get()) {
				JsonNode data = raw.call("mq", "getMessagesFromMqApiSession",
						Map.of("clientName", clientName, "maxMessages", MAX_MESSAGES)).path("data");
				for (JsonNode message : data) {
					JsonNode payload = message.path("payload");
					receiver.receive(new Payload(payload.path("n").asLong(), payload.path("sentAt").asLong()));
				}
				pause = data.isEmpty() ? Math.min(pause * 2, POLLING.maxInterval().toNanos())
						: POLLING.minInterval().toNanos();
				LockSupport.parkNanos(pause);
			}
		}, "raw-mq-poller");
		poller.start();
		return () -> {
			running.set(false);
			poller.join();
			raw.call("mq", "deleteMqSession", Map.of("clientName", clientName, "permanentlyDeleteSession", true));
			raw.close();
		};
	}

	private static void awaitSubscribed(java.util.function.BooleanSupplier subscribed) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!subscribed.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("The listener container did not subscribe within 30 s");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private interface Publisher extends AutoCloseable {

		void publish(String topic, Payload payload);

		@Override
		void close();

	}

	@FunctionalInterface
	private interface Receiver {

		void receive(Payload payload);

	}

}
