package io.github.faircomclient.db;

import java.util.List;

import io.github.faircomclient.core.FairComWarning;

/**
 * The outcome of {@code rebuildTables}, table by table. FairCom rebuilds the tables one by
 * one in the order given and documents the action as not transactional: a table rebuilt
 * stays rebuilt when a later one fails. The answer describes each table rebuilt (like
 * {@code describeTables}); how FairCom reports a table it could not rebuild is not
 * documented: the emulator reports each as a warning with its error code and still
 * rebuilds the others, and a table the answer does not describe counts as not rebuilt.
 *
 * @param rebuilt the tables rebuilt, as the server describes them
 * @param notRebuilt the names of the tables asked for that the answer does not describe,
 * in the order given
 * @param warnings the warnings of the answer, e.g. why a table was not rebuilt
 */
public record TableRebuildResult(List<TableDescription> rebuilt, List<String> notRebuilt,
		List<FairComWarning> warnings) {

	/**
	 * Create a result.
	 * @param rebuilt the tables rebuilt
	 * @param notRebuilt the tables not rebuilt
	 * @param warnings the warnings
	 */
	public TableRebuildResult {
		rebuilt = List.copyOf(rebuilt);
		notRebuilt = List.copyOf(notRebuilt);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Return whether every table asked for was rebuilt.
	 * @return whether no table is left out
	 */
	public boolean isComplete() {
		return this.notRebuilt.isEmpty();
	}

}
