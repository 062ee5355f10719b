package io.github.faircomclient.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComTemplate;

/**
 * Binds the gauge {@value #LIVE_SESSIONS} for each template: {@code 1} while the template
 * holds a session, {@code 0} otherwise, tagged {@code name} with the template's name (its
 * bean name in an application context). Reading the gauge never logs in.
 */
public class FairComSessionMeterBinder implements MeterBinder {

	/**
	 * The name of the gauge.
	 */
	public static final String LIVE_SESSIONS = "faircom.client.sessions.live";

	private final Map<String, FairComTemplate> templates;

	/**
	 * Create a binder for the given templates.
	 * @param templates the templates by name
	 */
	public FairComSessionMeterBinder(Map<String, FairComTemplate> templates) {
		Assert.notNull(templates, "'templates' must not be null");
		this.templates = new LinkedHashMap<>(templates);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.templates.forEach((name, template) -> Gauge
			.builder(LIVE_SESSIONS, template, FairComSessionMeterBinder::liveSessions)
			.tag("name", name)
			.description("Whether the FairCom client holds a live session (1) or not (0)")
			.register(registry));
	}

	private static double liveSessions(FairComTemplate template) {
		return (!template.isClosed() && template.getSessionManager().getCurrentSession() != null) ? 1 : 0;
	}

}
