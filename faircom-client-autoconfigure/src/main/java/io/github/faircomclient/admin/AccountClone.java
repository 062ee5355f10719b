package io.github.faircomclient.admin;

import java.util.Map;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link AdminOperations#cloneAccount} makes: a new account with the login
 * properties (and, unless told otherwise, the roles) of an existing one, under a new name,
 * with its own password, description and metadata. Immutable; create with
 * {@link #builder(String, String)}. The password is a secret: {@link #toString()} does not
 * show it.
 */
public final class AccountClone {

	private final ObjectNode params;

	private AccountClone(ObjectNode params) {
		this.params = params;
	}

	/**
	 * Return a builder for a clone of an account.
	 * @param sourceUsername the account to copy ({@code sourceUsername})
	 * @param cloneUsername the name of the new account ({@code cloneUsername})
	 * @return a new builder
	 */
	public static Builder builder(String sourceUsername, String cloneUsername) {
		return new Builder(sourceUsername, cloneUsername);
	}

	/**
	 * Return the account that is copied.
	 * @return the source account's name
	 */
	public String sourceUsername() {
		return this.params.get("sourceUsername").stringValue();
	}

	/**
	 * Return the name of the new account.
	 * @return the clone's name
	 */
	public String cloneUsername() {
		return this.params.get("cloneUsername").stringValue();
	}

	ObjectNode toParams() {
		return this.params.deepCopy();
	}

	@Override
	public String toString() {
		return "AccountClone[" + sourceUsername() + " -> " + cloneUsername() + ", password "
				+ ((this.params.has("clonePassword")) ? "set" : "not set") + "]";
	}

	/**
	 * Builder for {@link AccountClone}.
	 */
	public static final class Builder {

		private final ObjectNode params = JsonNodeFactory.instance.objectNode();

		private Builder(String sourceUsername, String cloneUsername) {
			Assert.hasText(sourceUsername, "'sourceUsername' must not be empty");
			Assert.hasText(cloneUsername, "'cloneUsername' must not be empty");
			this.params.put("sourceUsername", sourceUsername);
			this.params.put("cloneUsername", cloneUsername);
		}

		/**
		 * Set the new account's password ({@code clonePassword}). FairCom's newer minimal
		 * example sends an empty one; left unset, none is sent.
		 * @param password the password, possibly empty
		 * @return this builder
		 */
		public Builder password(String password) {
			Assert.notNull(password, "'password' must not be null");
			this.params.put("clonePassword", password);
			return this;
		}

		/**
		 * Set whether the new account gets the roles of the source account
		 * ({@code cloneRoles}, {@code true} by default on the server).
		 * @param cloneRoles whether to copy the roles
		 * @return this builder
		 */
		public Builder cloneRoles(boolean cloneRoles) {
			this.params.put("cloneRoles", cloneRoles);
			return this;
		}

		/**
		 * Set the new account's description ({@code cloneDescription}).
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			Assert.notNull(description, "'description' must not be null");
			this.params.put("cloneDescription", description);
			return this;
		}

		/**
		 * Set the new account's metadata ({@code cloneMetadata}), a JSON object of your
		 * own.
		 * @param metadata the values, serialized as a JSON object when sent
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			Assert.notNull(metadata, "'metadata' must not be null");
			ObjectNode object = this.params.putObject("cloneMetadata");
			metadata.forEach(object::putPOJO);
			return this;
		}

		/**
		 * Build the clone.
		 * @return the clone
		 */
		public AccountClone build() {
			return new AccountClone(this.params.deepCopy());
		}

	}

}
