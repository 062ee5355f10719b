package io.github.faircomclient.core;

/**
 * The one place that decides whether an answer says "this session is gone". FairCom
 * spells it three ways: {@code 12031} (current servers, in a 200 or a 401 answer),
 * {@code 60031} "Not possible to find valid session for the provided token." and, on
 * legacy servers, {@code -1} with the message "authToken invalid or expired.". A
 * {@code 12031} <em>warning</em> in a successful answer is not an expiry.
 */
final class SessionExpiryClassifier {

	static final int INVALID_AUTH_TOKEN = 12031;

	static final int NO_VALID_SESSION = 60031;

	static final int LEGACY_ERROR = -1;

	static final String LEGACY_EXPIRED_MESSAGE = "authToken invalid or expired.";

	private SessionExpiryClassifier() {
	}

	static boolean isSessionGone(FairComResponse response) {
		return isSessionGone(response.errorCode(), response.errorMessage());
	}

	static boolean isSessionGone(int errorCode, String errorMessage) {
		return switch (errorCode) {
			case INVALID_AUTH_TOKEN, NO_VALID_SESSION -> true;
			case LEGACY_ERROR -> LEGACY_EXPIRED_MESSAGE.equalsIgnoreCase(errorMessage.trim());
			default -> false;
		};
	}

}
