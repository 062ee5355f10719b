package io.github.faircomclient.test;

import java.util.Locale;
import java.util.Objects;

/**
 * Which of the documented variants of FairCom server behaviour the emulator shows. Immutable; start from
 * a preset ({@link #NEWEST}, {@link #OLDER}, {@link #UNAUTHORIZED_401}, {@link #LEGACY}) and adjust with
 * the {@code with...} methods, or {@link #parse(String) parse} a text such as
 * {@code "older,expiredSession=ERROR_12031_HTTP_401"}.
 */
public final class CompatibilityProfile {

	/**
	 * Newest documented behaviour: token at top level and in result, deleteSession of an unknown token
	 * succeeds with a warning, invalid sessions get 12031 in an HTTP 200. The default.
	 */
	public static final CompatibilityProfile NEWEST = new CompatibilityProfile("NEWEST", TokenPlacement.TOP_LEVEL_AND_RESULT,
			UnknownTokenDelete.SUCCESS_WITH_WARNING, SessionGoneAnswer.ERROR_12031);

	/**
	 * Older documented behaviour: token only in result, deleteSession of an unknown token is error 12031.
	 */
	public static final CompatibilityProfile OLDER = new CompatibilityProfile("OLDER", TokenPlacement.RESULT_ONLY,
			UnknownTokenDelete.ERROR_12031, SessionGoneAnswer.ERROR_12031);

	/**
	 * Newest behaviour, but invalid sessions are answered with HTTP 401 (carrying the 12031 JSON).
	 */
	public static final CompatibilityProfile UNAUTHORIZED_401 = new CompatibilityProfile("UNAUTHORIZED_401",
			TokenPlacement.TOP_LEVEL_AND_RESULT, UnknownTokenDelete.SUCCESS_WITH_WARNING,
			SessionGoneAnswer.ERROR_12031_HTTP_401);

	/**
	 * Legacy servers: token only in result, invalid sessions answered with errorCode -1
	 * {@code "authToken invalid or expired."}.
	 */
	public static final CompatibilityProfile LEGACY = new CompatibilityProfile("LEGACY", TokenPlacement.RESULT_ONLY,
			UnknownTokenDelete.ERROR_12031, SessionGoneAnswer.LEGACY_MINUS_1);

	private static final CompatibilityProfile[] PRESETS = { NEWEST, OLDER, UNAUTHORIZED_401, LEGACY };

	private final String name;

	private final TokenPlacement tokenPlacement;

	private final UnknownTokenDelete unknownTokenDelete;

	private final SessionGoneAnswer sessionGoneAnswer;

	private CompatibilityProfile(String name, TokenPlacement tokenPlacement, UnknownTokenDelete unknownTokenDelete,
			SessionGoneAnswer sessionGoneAnswer) {
		this.name = name;
		this.tokenPlacement = Objects.requireNonNull(tokenPlacement, "tokenPlacement");
		this.unknownTokenDelete = Objects.requireNonNull(unknownTokenDelete, "unknownTokenDelete");
		this.sessionGoneAnswer = Objects.requireNonNull(sessionGoneAnswer, "sessionGoneAnswer");
	}

	/**
	 * Where createSession puts the new token.
	 * @return the token placement
	 */
	public TokenPlacement tokenPlacement() {
		return this.tokenPlacement;
	}

	/**
	 * How deleteSession answers an unknown or expired token.
	 * @return the behaviour
	 */
	public UnknownTokenDelete unknownTokenDelete() {
		return this.unknownTokenDelete;
	}

	/**
	 * How actions answer an unknown or expired session.
	 * @return the answer
	 */
	public SessionGoneAnswer sessionGoneAnswer() {
		return this.sessionGoneAnswer;
	}

	/**
	 * A copy with another token placement.
	 * @param placement the placement
	 * @return the new profile
	 */
	public CompatibilityProfile withTokenPlacement(TokenPlacement placement) {
		return of(placement, this.unknownTokenDelete, this.sessionGoneAnswer);
	}

	/**
	 * A copy with another deleteSession behaviour.
	 * @param behaviour the behaviour
	 * @return the new profile
	 */
	public CompatibilityProfile withUnknownTokenDelete(UnknownTokenDelete behaviour) {
		return of(this.tokenPlacement, behaviour, this.sessionGoneAnswer);
	}

	/**
	 * A copy with another invalid-session answer.
	 * @param answer the answer
	 * @return the new profile
	 */
	public CompatibilityProfile withSessionGoneAnswer(SessionGoneAnswer answer) {
		return of(this.tokenPlacement, this.unknownTokenDelete, answer);
	}

	/**
	 * The profile with the given dimensions (a preset when they match one).
	 * @param placement where createSession puts the token
	 * @param unknownTokenDelete how deleteSession answers an unknown token
	 * @param sessionGoneAnswer how invalid sessions are answered
	 * @return the profile
	 */
	public static CompatibilityProfile of(TokenPlacement placement, UnknownTokenDelete unknownTokenDelete,
			SessionGoneAnswer sessionGoneAnswer) {
		for (CompatibilityProfile preset : PRESETS) {
			if (preset.tokenPlacement == placement && preset.unknownTokenDelete == unknownTokenDelete
					&& preset.sessionGoneAnswer == sessionGoneAnswer) {
				return preset;
			}
		}
		return new CompatibilityProfile("", placement, unknownTokenDelete, sessionGoneAnswer);
	}

	/**
	 * Parses a profile: a preset name ({@code newest}, {@code older}, {@code unauthorized-401},
	 * {@code legacy}), optionally followed by comma-separated overrides {@code tokenPlacement=...},
	 * {@code unknownTokenDelete=...}, {@code sessionGoneAnswer=...} (enum constant names, case-insensitive,
	 * {@code -} for {@code _}). A text made only of overrides starts from {@link #NEWEST}.
	 * @param text the text to parse
	 * @return the profile
	 * @throws IllegalArgumentException naming the valid choices when the text is not understood
	 */
	public static CompatibilityProfile parse(String text) {
		CompatibilityProfile profile = NEWEST;
		String[] parts = text.split(",");
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].trim();
			if (part.isEmpty()) {
				continue;
			}
			int equals = part.indexOf('=');
			if (equals < 0) {
				if (i != 0) {
					throw new IllegalArgumentException("Profile preset '" + part + "' must come first in '" + text + "'");
				}
				profile = preset(part);
				continue;
			}
			String key = normalize(part.substring(0, equals));
			String value = normalize(part.substring(equals + 1));
			profile = switch (key) {
				case "TOKENPLACEMENT", "TOKEN" -> profile.withTokenPlacement(constant(TokenPlacement.class, value, part));
				case "UNKNOWNTOKENDELETE", "DELETE" -> profile.withUnknownTokenDelete(constant(UnknownTokenDelete.class, value, part));
				case "SESSIONGONEANSWER", "EXPIRED", "EXPIREDSESSION" ->
					profile.withSessionGoneAnswer(constant(SessionGoneAnswer.class, value, part));
				default -> throw new IllegalArgumentException("Unknown profile setting '" + part
						+ "'; use tokenPlacement=, unknownTokenDelete= or sessionGoneAnswer=");
			};
		}
		return profile;
	}

	private static CompatibilityProfile preset(String name) {
		String wanted = normalize(name);
		for (CompatibilityProfile preset : PRESETS) {
			if (preset.name.equals(wanted) || preset.name.replace("_", "").equals(wanted.replace("_", ""))) {
				return preset;
			}
		}
		throw new IllegalArgumentException("Unknown profile '" + name + "'; use newest, older, unauthorized-401 or legacy");
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String value, String part) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		StringBuilder choices = new StringBuilder();
		for (E constant : type.getEnumConstants()) {
			choices.append((choices.length() > 0) ? ", " : "").append(constant.name());
		}
		throw new IllegalArgumentException("Invalid profile setting '" + part + "'; choose one of " + choices);
	}

	private static String normalize(String text) {
		return text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CompatibilityProfile that) && this.tokenPlacement == that.tokenPlacement
				&& this.unknownTokenDelete == that.unknownTokenDelete && this.sessionGoneAnswer == that.sessionGoneAnswer;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.tokenPlacement, this.unknownTokenDelete, this.sessionGoneAnswer);
	}

	@Override
	public String toString() {
		String dimensions = "tokenPlacement=" + this.tokenPlacement + ",unknownTokenDelete=" + this.unknownTokenDelete
				+ ",sessionGoneAnswer=" + this.sessionGoneAnswer;
		return this.name.isEmpty() ? dimensions : this.name + " (" + dimensions + ")";
	}

	/**
	 * Where createSession puts the new token.
	 */
	public enum TokenPlacement {

		/**
		 * Top-level {@code authToken} and {@code result.authToken} (newest documentation).
		 */
		TOP_LEVEL_AND_RESULT,

		/**
		 * Only {@code result.authToken} (older documentation).
		 */
		RESULT_ONLY

	}

	/**
	 * How deleteSession answers a token that matches no session.
	 */
	public enum UnknownTokenDelete {

		/**
		 * errorCode 0 with a warning {@code {code 12031, message}} in {@code debugInfo.warnings} (newer).
		 */
		SUCCESS_WITH_WARNING,

		/**
		 * The profile's invalid-session answer (12031 by default) (older).
		 */
		ERROR_12031

	}

	/**
	 * How an action answers a token that matches no (live) session.
	 */
	public enum SessionGoneAnswer {

		/**
		 * errorCode 12031 with FairCom's message, in an HTTP 200.
		 */
		ERROR_12031,

		/**
		 * errorCode 12031 with FairCom's message, in an HTTP 401.
		 */
		ERROR_12031_HTTP_401,

		/**
		 * Legacy servers: errorCode -1, {@code "authToken invalid or expired."}, in the legacy answer shape.
		 */
		LEGACY_MINUS_1

	}

}
