package io.github.faircomclient.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.faircomclient.core.FairComOperations;

/**
 * Shows the FairCom sessions of the account the application uses, through the typed admin
 * API. Session tokens are secrets and are left out.
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
	 * Return user name and description of each session ({@code admin/listSessions}).
	 * @return the sessions of the account
	 */
	@GetMapping("/sessions")
	public List<SessionView> sessions() {
		return this.fairCom.admin()
			.listSessions()
			.stream()
			.map((session) -> new SessionView(session.username(), session.description()))
			.toList();
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
