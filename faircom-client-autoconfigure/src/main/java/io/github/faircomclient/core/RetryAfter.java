package io.github.faircomclient.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header: whole seconds ({@code 120}) or an HTTP date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}, relative to now). Anything else counts as
 * absent.
 */
final class RetryAfter {

	private static final long MAX_SECONDS = Duration.ofDays(365).toSeconds();

	private RetryAfter() {
	}

	static @Nullable Duration parse(@Nullable String value, Instant now) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			if (trimmed.length() > 12) {
				return Duration.ofSeconds(MAX_SECONDS);
			}
			return Duration.ofSeconds(Math.min(Long.parseLong(trimmed), MAX_SECONDS));
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(now, at);
			return (wait.isNegative()) ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
