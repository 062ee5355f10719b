package io.github.faircomclient.test;

import io.github.faircomclient.test.Services.State;
import io.github.faircomclient.test.spi.ActionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServicesTests {

	private final ActionTable actions = new ActionTable();

	private final Services services = new Services(this.actions);

	ServicesTests() {
		this.actions.register("admin", "pingSession", (context) -> null);
		this.actions.register("db", "listDatabases", (context) -> null);
	}

	@Test
	void servicesAreTheApisButAdminAndTheIntegrationServices() {
		assertThat(this.services.apiServices()).containsExactly("db");
		assertThat(this.services.names()).containsExactly("db", "opcua", "modbus", "ab", "siemensS7", "mtconnect", "rest");
		assertThat(this.services.canonicalName(" MODBUS ")).isEqualTo("modbus");
		assertThat(this.services.canonicalName("siemenss7")).isEqualTo("siemensS7");
		assertThat(this.services.canonicalName("admin")).isNull();
		assertThat(this.services.canonicalName("http8080")).isNull();
	}

	@Test
	void commandsMoveTheState() {
		assertThat(this.services.state("db")).isEqualTo(State.RUNNING);
		assertThat(this.services.command("db", "Pause")).isEqualTo(State.PAUSED);
		assertThat(this.services.command("db", "pause")).isEqualTo(State.PAUSED);
		assertThat(this.services.command("db", "RESUME")).isEqualTo(State.RUNNING);
		assertThat(this.services.command("db", "shutdown")).isEqualTo(State.STOPPED);
		assertThat(this.services.command("db", "startup")).isEqualTo(State.RUNNING);
		assertThat(this.services.command("db", "shutdown")).isEqualTo(State.STOPPED);
		assertThat(this.services.command("db", "restart")).isEqualTo(State.RUNNING);
		assertThat(this.services.command("modbus", "pause")).isEqualTo(State.PAUSED);
		assertThat(this.services.state("MODBUS")).isEqualTo(State.PAUSED);
		assertThat(this.services.state("db")).isEqualTo(State.RUNNING);
	}

	@Test
	void pauseAndResumeOfAStoppedServiceAreRefused() {
		this.services.command("modbus", "shutdown");
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> this.services.command("modbus", "pause"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99066))
			.withMessage("Cannot pause service 'modbus' while it is shut down; use startup or restart.");
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> this.services.command("modbus", "resume"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99066));
		assertThat(this.services.state("modbus")).isEqualTo(State.STOPPED);
	}

	@Test
	void anUnknownCommandChangesNothing() {
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> this.services.command("db", "reboot"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99005))
			.withMessage("Property 'params.command' has an invalid value: use pause, resume, restart, shutdown or startup");
		assertThat(this.services.state("db")).isEqualTo(State.RUNNING);
	}

	@Test
	void onlyAPausedOrStoppedApiRefusesRequestsUntilEverythingStartsAgain() {
		this.services.requireRunning("db");
		this.services.requireRunning("admin");
		this.services.command("db", "pause");
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> this.services.requireRunning("DB"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99065))
			.withMessage("The 'DB' service is paused; start it again with manageService (resume, startup or restart).");
		this.services.command("modbus", "shutdown");
		this.services.startAll();
		this.services.requireRunning("db");
		assertThat(this.services.state("modbus")).isEqualTo(State.RUNNING);
	}

}
