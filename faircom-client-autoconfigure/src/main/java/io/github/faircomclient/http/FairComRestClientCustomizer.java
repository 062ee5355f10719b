package io.github.faircomclient.http;

import org.springframework.web.client.RestClient;

/**
 * Callback to customize the {@link RestClient.Builder} of the FairCom client only. Unlike
 * Spring Boot's application-wide {@code RestClientCustomizer}, beans of this type are
 * applied to the FairCom client and nowhere else; whatever they add sees passwords and
 * session tokens in request bodies, so never log bodies here.
 */
@FunctionalInterface
public interface FairComRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the FairCom client's {@link RestClient}
	 */
	void customize(RestClient.Builder builder);

}
