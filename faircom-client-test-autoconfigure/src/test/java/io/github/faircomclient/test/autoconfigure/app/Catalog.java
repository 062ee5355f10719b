package io.github.faircomclient.test.autoconfigure.app;

import java.util.List;

import org.springframework.stereotype.Service;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DatabaseInfo;

/**
 * A component on FairCom, the kind a {@code @FairComTest} tests.
 */
@Service
public class Catalog {

	private final FairComTemplate faircom;

	public Catalog(FairComTemplate faircom) {
		this.faircom = faircom;
	}

	public List<String> databases() {
		return this.faircom.db().listDatabases().stream().map(DatabaseInfo::databaseName).toList();
	}

	public void create(String database) {
		this.faircom.db().createDatabase(database);
	}

}
