package io.github.faircomclient.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The properties of an account that {@link AdminOperations#createAccount} sets and
 * {@link AdminOperations#alterAccount} changes, as FairCom documents them for both
 * actions. Properties left unset are not sent: {@code createAccount} gives them the
 * server's defaults, {@code alterAccount} leaves them unchanged. Immutable; create with
 * {@link #builder()}. The password is a secret: {@link #toString()} shows only that one is
 * set.
 */
public final class AccountProperties {

	private static final String PASSWORD = "password";

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private static final AccountProperties NONE = new AccountProperties(JsonNodeFactory.instance.objectNode());

	private final ObjectNode params;

	private AccountProperties(ObjectNode params) {
		this.params = params;
	}

	/**
	 * Return properties that set nothing: {@code createAccount} with the username alone.
	 * @return the empty properties
	 */
	public static AccountProperties none() {
		return NONE;
	}

	/**
	 * Return a builder without properties.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return whether no property is set.
	 * @return whether these properties change nothing
	 */
	public boolean isEmpty() {
		return this.params.isEmpty();
	}

	/**
	 * The parameters of an account action: {@code username} first, then these properties.
	 */
	ObjectNode toParams(String username) {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.put("username", username);
		params.setAll(this.params.deepCopy());
		return params;
	}

	@Override
	public String toString() {
		List<String> properties = new ArrayList<>();
		for (var property : this.params.properties()) {
			properties.add(property.getKey() + "="
					+ ((PASSWORD.equals(property.getKey())) ? "******" : property.getValue().toString()));
		}
		return "AccountProperties" + properties;
	}

	/**
	 * Builder for {@link AccountProperties}.
	 */
	public static final class Builder {

		private final ObjectNode params = JsonNodeFactory.instance.objectNode();

		private Builder() {
		}

		/**
		 * Set the password the account logs in with ({@code password}); an empty one is
		 * FairCom's default (the emulator then lets the account log in only with a client
		 * certificate).
		 * @param password the password, up to 256 bytes (FairCom's older tables say 63)
		 * @return this builder
		 */
		public Builder password(String password) {
			Assert.notNull(password, "'password' must not be null");
			this.params.put(PASSWORD, password);
			return this;
		}

		/**
		 * Set the description of the account ({@code accountDescription}); an empty one
		 * removes it.
		 * @param description the description
		 * @return this builder
		 */
		public Builder accountDescription(String description) {
			Assert.notNull(description, "'description' must not be null");
			this.params.put("accountDescription", description);
			return this;
		}

		/**
		 * Set the day from which the account may log in ({@code enableDatetime}, sent as
		 * {@code "2024-01-01"} as documented).
		 * @param date the first day the account may log in
		 * @return this builder
		 */
		public Builder enableDatetime(LocalDate date) {
			Assert.notNull(date, "'date' must not be null");
			this.params.put("enableDatetime", date.toString());
			return this;
		}

		/**
		 * Set the moment from which the account may log in ({@code enableDatetime}, sent as
		 * {@code "2024-01-01T08:00:00"}, the form FairCom reports {@code lastPasswordChange}
		 * in), in the server's time zone.
		 * @param datetime the first moment the account may log in
		 * @return this builder
		 */
		public Builder enableDatetime(LocalDateTime datetime) {
			Assert.notNull(datetime, "'datetime' must not be null");
			this.params.put("enableDatetime", DATETIME.format(datetime.truncatedTo(ChronoUnit.SECONDS)));
			return this;
		}

		/**
		 * Remove the start of the login period ({@code enableDatetime: ""}).
		 * @return this builder
		 */
		public Builder clearEnableDatetime() {
			this.params.put("enableDatetime", "");
			return this;
		}

		/**
		 * Set the last day the account may log in ({@code disableDatetime}, sent as
		 * {@code "2024-12-31"} as documented).
		 * @param date the last day the account may log in
		 * @return this builder
		 */
		public Builder disableDatetime(LocalDate date) {
			Assert.notNull(date, "'date' must not be null");
			this.params.put("disableDatetime", date.toString());
			return this;
		}

		/**
		 * Set the moment after which the account may no longer log in
		 * ({@code disableDatetime}, sent as {@code "2024-12-31T18:00:00"}), in the server's
		 * time zone.
		 * @param datetime the moment the login period ends
		 * @return this builder
		 */
		public Builder disableDatetime(LocalDateTime datetime) {
			Assert.notNull(datetime, "'datetime' must not be null");
			this.params.put("disableDatetime", DATETIME.format(datetime.truncatedTo(ChronoUnit.SECONDS)));
			return this;
		}

		/**
		 * Remove the end of the login period ({@code disableDatetime: ""}, documented to
		 * remove the limit).
		 * @return this builder
		 */
		public Builder clearDisableDatetime() {
			this.params.put("disableDatetime", "");
			return this;
		}

		/**
		 * Set after how many failed logins the account is locked
		 * ({@code lockoutAfterNFailedAttempts}).
		 * @param attempts zero or more
		 * @return this builder
		 */
		public Builder lockoutAfterNFailedAttempts(int attempts) {
			return count("lockoutAfterNFailedAttempts", attempts);
		}

		/**
		 * Set after how many days the password must change
		 * ({@code maxDaysBeforePasswordMustChange}).
		 * @param days zero or more
		 * @return this builder
		 */
		public Builder maxDaysBeforePasswordMustChange(int days) {
			return count("maxDaysBeforePasswordMustChange", days);
		}

		/**
		 * Set within how many minutes the account must log in again
		 * ({@code maxMinutesBeforeNextLogin}).
		 * @param minutes zero or more
		 * @return this builder
		 */
		public Builder maxMinutesBeforeNextLogin(int minutes) {
			return count("maxMinutesBeforeNextLogin", minutes);
		}

		/**
		 * Set the memory the account's sessions may use ({@code memoryLimit}).
		 * @param bytes zero or more
		 * @return this builder
		 */
		public Builder memoryLimit(long bytes) {
			Assert.isTrue(bytes >= 0, "'memoryLimit' must be zero or positive");
			this.params.put("memoryLimit", bytes);
			return this;
		}

		/**
		 * Set how the memory limit applies ({@code memoryRule}).
		 * @param memoryRule e.g. {@code default}
		 * @return this builder
		 */
		public Builder memoryRule(String memoryRule) {
			Assert.hasText(memoryRule, "'memoryRule' must not be empty");
			this.params.put("memoryRule", memoryRule);
			return this;
		}

		/**
		 * Set the account's {@code metadata}, a JSON object of your own (FairCom documents
		 * it as the property {@code cloneMetadata} of {@code cloneAccount} sets).
		 * @param metadata the values, serialized as a JSON object when sent
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			Assert.notNull(metadata, "'metadata' must not be null");
			ObjectNode object = this.params.putObject("metadata");
			metadata.forEach(object::putPOJO);
			return this;
		}

		private Builder count(String name, int value) {
			Assert.isTrue(value >= 0, () -> "'" + name + "' must be zero or positive");
			this.params.put(name, value);
			return this;
		}

		/**
		 * Build the properties.
		 * @return the properties
		 */
		public AccountProperties build() {
			return new AccountProperties(this.params.deepCopy());
		}

	}

}
