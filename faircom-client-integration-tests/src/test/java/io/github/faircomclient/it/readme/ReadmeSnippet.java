package io.github.faircomclient.it.readme;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;

/**
 * What the class generated around a README example does: run the example, with its
 * harness's setup before and checks after, against a fresh emulator.
 */
public interface ReadmeSnippet {

	/**
	 * Run the example.
	 * @param template a template logged in to the emulator as ADMIN
	 * @param emulator the emulator, started for this example only
	 * @throws Exception whatever the example throws
	 */
	void run(FairComTemplate template, FairComEmulator emulator) throws Exception;

}
