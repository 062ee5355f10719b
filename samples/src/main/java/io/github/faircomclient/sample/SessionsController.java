package io.github.faircomclient.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.faircomclient.core.FairComOperations;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Shows the sessions of the FairCom account the application uses, through the generic
 * escape hatch of {@link FairComOperations}.
 */
@RestController
public class SessionsController {

	private final FairComOperations fairCom;

	/**
	 * Create a new controller.
	 * @param fairCom the auto-configured template
	 */
	public SessionsController(FairComOperations fairCom) {
		this.fairCom = fairCom;
	}

	/**
	 * Return user name and description of each session from {@code admin/listSessions}.
	 * Session tokens are secrets and are left out.
	 * @return the sessions of the account
	 */
	@GetMapping("/sessions")
	public List<SessionView> sessions() {
		List<SessionView> sessions = new ArrayList<>();
		for (JsonNode session : this.fairCom.execute("admin", "listSessions", null).result().path("sessions")) {
			sessions.add(new SessionView(session.path("username").asString(""),
					session.path("description").asString("")));
		}
		return sessions;
	}

	/**
	 * A session as the endpoint shows it.
	 *
	 * @param username the account
	 * @param description the session description
	 */
	public record SessionView(String username, String description) {

	}

}
