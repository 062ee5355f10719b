package io.github.faircomclient;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The table of FairCom error codes that
 * {@link io.github.faircomclient.core.FairComExceptionTranslator} turns into a
 * typed subclass of {@link FairComApiException}. Immutable; {@link #with} returns a copy.
 * <p>
 * {@link #documented()} holds only codes that FairCom documents:
 * <ul>
 * <li>{@code 2} ({@link Category#DUPLICATE_KEY}): c-tree's {@code KDUP_ERR} "key value
 * already exists", documented as an engine code; that the JSON API passes it through
 * unchanged is an inference;</li>
 * <li>{@code 4046} ({@link Category#NOT_FOUND}): "Key not found", documented for
 * {@code getRecordsStartingAtKey}.</li>
 * </ul>
 * FairCom does not document the code of a changeId conflict ({@code updateRecords} with a
 * stale {@code changeId}), nor codes for a missing table or database; add the codes your
 * server answers with {@link #with(Category, int...)} or the {@code faircom.error-codes.*}
 * properties.
 */
public final class FairComErrorCodes {

	private static final FairComErrorCodes DOCUMENTED = new FairComErrorCodes(Map.of())
		.with(Category.DUPLICATE_KEY, 2)
		.with(Category.NOT_FOUND, 4046);

	private final Map<Integer, Category> categories;

	private FairComErrorCodes(Map<Integer, Category> categories) {
		this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
	}

	/**
	 * Return the table of the codes FairCom documents: {@code 2} duplicate key and
	 * {@code 4046} key not found.
	 * @return the documented table
	 */
	public static FairComErrorCodes documented() {
		return DOCUMENTED;
	}

	/**
	 * Return an empty table: every error becomes a plain {@link FairComApiException}.
	 * @return the empty table
	 */
	public static FairComErrorCodes none() {
		return new FairComErrorCodes(Map.of());
	}

	/**
	 * Return a copy of this table in which the given codes belong to a category (a code
	 * belongs to one category; a later call wins).
	 * @param category the category
	 * @param codes the error codes
	 * @return the new table
	 * @throws FairComConfigurationException for {@code 0}, which means success
	 */
	public FairComErrorCodes with(Category category, int... codes) {
		Assert.notNull(category, "'category' must not be null");
		Map<Integer, Category> copy = new LinkedHashMap<>(this.categories);
		for (int code : codes) {
			if (code == 0) {
				throw new FairComConfigurationException(category.property(), 0, "error code 0 means success",
						"List only the non-zero codes your server answers with.");
			}
			copy.put(code, category);
		}
		return new FairComErrorCodes(copy);
	}

	/**
	 * Return a copy of this table in which a category has exactly the given codes.
	 * @param category the category
	 * @param codes the error codes of the category; none to remove the category
	 * @return the new table
	 */
	public FairComErrorCodes replacing(Category category, int... codes) {
		Assert.notNull(category, "'category' must not be null");
		Map<Integer, Category> copy = new LinkedHashMap<>(this.categories);
		copy.values().removeIf(category::equals);
		return new FairComErrorCodes(copy).with(category, codes);
	}

	/**
	 * Return the category of an error code.
	 * @param errorCode the {@code errorCode} of an answer
	 * @return the category or {@code null} if the code has none
	 */
	public @Nullable Category categoryOf(int errorCode) {
		return this.categories.get(errorCode);
	}

	/**
	 * Return the codes of a category.
	 * @param category the category
	 * @return the codes, sorted
	 */
	public Set<Integer> codesOf(Category category) {
		Set<Integer> codes = new TreeSet<>();
		this.categories.forEach((code, candidate) -> {
			if (candidate == category) {
				codes.add(code);
			}
		});
		return Collections.unmodifiableSet(codes);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other)
				|| (other instanceof FairComErrorCodes codes && this.categories.equals(codes.categories));
	}

	@Override
	public int hashCode() {
		return this.categories.hashCode();
	}

	@Override
	public String toString() {
		Map<Category, Set<Integer>> byCategory = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			Set<Integer> codes = codesOf(category);
			if (!codes.isEmpty()) {
				byCategory.put(category, codes);
			}
		}
		return "FairComErrorCodes" + byCategory;
	}

	/**
	 * What an error code means to an application, and the exception it becomes.
	 */
	public enum Category {

		/**
		 * A unique index already holds the key: {@link FairComDuplicateKeyException}.
		 */
		DUPLICATE_KEY,

		/**
		 * The record changed since it was read (optimistic locking with {@code changeId}):
		 * {@link FairComChangeIdConflictException}.
		 */
		CHANGE_ID_CONFLICT,

		/**
		 * A key, record, table or database does not exist: {@link FairComNotFoundException}.
		 */
		NOT_FOUND;

		/**
		 * Return the property that lists the codes of this category.
		 * @return for example {@code faircom.error-codes.duplicate-key}
		 */
		public String property() {
			return "faircom.error-codes." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
