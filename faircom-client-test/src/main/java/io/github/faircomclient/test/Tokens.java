package io.github.faircomclient.test;

import java.security.SecureRandom;

/**
 * Session tokens as FairCom issues them: 64 random alphanumeric characters.
 */
final class Tokens {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	static final int LENGTH = 64;

	private Tokens() {
	}

	static String newToken() {
		char[] token = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(token);
	}

}
