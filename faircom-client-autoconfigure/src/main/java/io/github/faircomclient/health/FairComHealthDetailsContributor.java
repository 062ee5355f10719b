package io.github.faircomclient.health;

import org.springframework.boot.health.contributor.Health;

import io.github.faircomclient.core.FairComTemplate;

/**
 * Adds details about something that runs on a template (such as MQ listener containers)
 * to that template's {@code faircom} health, after the server was checked; it may report
 * the component down. Define beans of this type to add to the auto-configured indicator.
 */
@FunctionalInterface
public interface FairComHealthDetailsContributor {

	/**
	 * Add details for a template.
	 * @param template the template being checked
	 * @param builder the health, with the server's status set
	 */
	void contribute(FairComTemplate template, Health.Builder builder);

}
