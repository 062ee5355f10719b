package io.github.faircomclient.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link FairComConfigurationException}: the property at fault, what is wrong
 * and how to fix it.
 */
class FairComConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<FairComConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FairComConfigurationException cause) {
		String description = "The FairCom client is not configured correctly.\n\n    Property: " + cause.getProperty()
				+ "\n    Reason: " + cause.getReason();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
