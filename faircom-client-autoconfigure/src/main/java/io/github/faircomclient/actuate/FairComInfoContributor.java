package io.github.faircomclient.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComSession;

/**
 * {@link InfoContributor} that adds a {@code faircom} entry to the {@code info} endpoint
 * from what the templates already know, without sending anything to the server:
 * {@code url} (scheme, host, port and path: no user info, query or fragment),
 * {@code session} ({@code active}, {@code none} or {@code closed}), {@code permanentSession}
 * and, when the server reported one at login, {@code serverVersion}. With one template the
 * entry holds its details; with several, one entry per template bean name. Credentials,
 * tokens and session ids never appear.
 */
public class FairComInfoContributor implements InfoContributor {

	private final Map<String, FairComTemplate> templates;

	/**
	 * Create a contributor.
	 * @param templates the templates by bean name
	 */
	public FairComInfoContributor(Map<String, FairComTemplate> templates) {
		Assert.notEmpty(templates, "'templates' must not be empty");
		this.templates = Map.copyOf(templates);
	}

	@Override
	public void contribute(Info.Builder builder) {
		if (this.templates.size() == 1) {
			builder.withDetail("faircom", describe(this.templates.values().iterator().next()));
			return;
		}
		Map<String, Object> byBean = new LinkedHashMap<>();
		this.templates.keySet().stream().sorted().forEach((name) -> byBean.put(name, describe(this.templates.get(name))));
		builder.withDetail("faircom", byBean);
	}

	private static Map<String, Object> describe(FairComTemplate template) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("url", displayUrl(template.getUrl()));
		FairComSession session = template.getSessionManager().getCurrentSession();
		if (template.isClosed()) {
			details.put("session", "closed");
		}
		else if (session == null) {
			details.put("session", "none");
		}
		else {
			details.put("session", "active");
			details.put("permanentSession", session.isPermanent());
			if (session.getServerVersion() != null) {
				details.put("serverVersion", session.getServerVersion());
			}
		}
		return details;
	}

	private static String displayUrl(URI url) {
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return url.getScheme() + "://" + url.getHost();
		}
	}

}
