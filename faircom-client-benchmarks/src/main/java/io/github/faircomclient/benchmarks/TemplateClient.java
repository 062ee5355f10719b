package io.github.faircomclient.benchmarks;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

import io.github.faircomclient.core.FairComTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The library: a {@link FairComTemplate} built as an application would build it, with the pool
 * sized like the hand-written client's.
 */
final class TemplateClient implements BenchClient {

	private final FairComTemplate template;

	TemplateClient(URI url, String username, String password, int maxConnections, @Nullable SslBundle sslBundle) {
		this.template = FairComTemplate.builder()
			.url(url)
			.credentials(username, password)
			.maxConnections(maxConnections)
			.sslBundle(sslBundle)
			.build();
	}

	FairComTemplate template() {
		return this.template;
	}

	/**
	 * Create the workload's {@code athlete} table through a template.
	 * @param template a template on the emulator
	 */
	static void createAthletes(FairComTemplate template) {
		Workload.createAthletes(new BenchClient() {
			@Override
			public JsonNode call(String api, String action, Object params) {
				return template.execute(api, action, params).result();
			}

			@Override
			public void close() {
			}
		});
	}

	@Override
	public JsonNode call(String api, String action, Object params) {
		return this.template.execute(api, action, params).result();
	}

	@Override
	public void close() {
		this.template.destroy();
	}

}
