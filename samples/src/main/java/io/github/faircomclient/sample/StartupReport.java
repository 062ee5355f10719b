package io.github.faircomclient.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.github.faircomclient.core.FairComTemplate;

/**
 * Logs in at startup (the first call does) and reports how many sessions the account has.
 */
@Component
public class StartupReport implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final FairComTemplate fairCom;

	/**
	 * Create a new report.
	 * @param fairCom the auto-configured template
	 */
	public StartupReport(FairComTemplate fairCom) {
		this.fairCom = fairCom;
	}

	@Override
	public void run(ApplicationArguments args) {
		int sessions = this.fairCom.execute("admin", "listSessions", null).result().path("sessions").size();
		logger.info("Connected to FairCom at " + this.fairCom.getUrl() + "; the account has " + sessions
				+ " session(s). Try GET /sessions");
	}

}
