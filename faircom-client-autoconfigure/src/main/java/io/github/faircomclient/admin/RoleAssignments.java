package io.github.faircomclient.admin;

import java.util.Collection;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The roles {@link AdminOperations#assignRolesToAccounts} adds to and removes from
 * accounts in one call: each entry gives every listed role to (or takes it from) every
 * listed account, sent as FairCom documents it ({@code add} and {@code remove}, each
 * {@code [{"roleNames": [...], "usernames": [...]}]}). Immutable; create with
 * {@link #builder()}.
 */
public final class RoleAssignments {

	private final ObjectNode params;

	private RoleAssignments(ObjectNode params) {
		this.params = params;
	}

	/**
	 * Return a builder without assignments.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	ObjectNode toParams() {
		return this.params.deepCopy();
	}

	@Override
	public String toString() {
		return "RoleAssignments" + this.params;
	}

	/**
	 * Builder for {@link RoleAssignments}.
	 */
	public static final class Builder {

		private final ObjectNode params = JsonNodeFactory.instance.objectNode();

		private Builder() {
		}

		/**
		 * Give roles to accounts.
		 * @param roleNames the roles, e.g. {@code admin}
		 * @param usernames the accounts that get every one of them
		 * @return this builder
		 */
		public Builder add(Collection<String> roleNames, Collection<String> usernames) {
			return entry("add", roleNames, usernames);
		}

		/**
		 * Take roles from accounts.
		 * @param roleNames the roles
		 * @param usernames the accounts that lose every one of them
		 * @return this builder
		 */
		public Builder remove(Collection<String> roleNames, Collection<String> usernames) {
			return entry("remove", roleNames, usernames);
		}

		private Builder entry(String change, Collection<String> roleNames, Collection<String> usernames) {
			Assert.notEmpty(roleNames, "'roleNames' must not be empty");
			Assert.notEmpty(usernames, "'usernames' must not be empty");
			Assert.noNullElements(roleNames, "'roleNames' must not contain null");
			Assert.noNullElements(usernames, "'usernames' must not contain null");
			ObjectNode entry = ((this.params.get(change) instanceof ArrayNode entries) ? entries
					: this.params.putArray(change)).addObject();
			ArrayNode roles = entry.putArray("roleNames");
			roleNames.forEach(roles::add);
			ArrayNode accounts = entry.putArray("usernames");
			usernames.forEach(accounts::add);
			return this;
		}

		/**
		 * Build the assignments.
		 * @return the assignments
		 * @throws IllegalStateException if nothing is added or removed
		 */
		public RoleAssignments build() {
			Assert.state(!this.params.isEmpty(), "assignRolesToAccounts needs at least one role to add or remove");
			return new RoleAssignments(this.params.deepCopy());
		}

	}

}
