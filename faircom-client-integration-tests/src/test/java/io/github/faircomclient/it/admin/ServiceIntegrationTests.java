package io.github.faircomclient.it.admin;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.admin.AccountProperties;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.ServiceCommand;
import io.github.faircomclient.admin.ServiceInfo;
import io.github.faircomclient.admin.ServiceList;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The typed service operations against the emulator over HTTP: the services listed with
 * their states, the db api paused and resumed, an integration service shut down and
 * started up, and the refusals for unknown services, impossible commands and accounts
 * without the ADMIN role.
 */
class ServiceIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static AdminOperations admin;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		admin = template.admin();
	}

	@AfterAll
	static void stop() {
		template.close();
		emulator.stop();
	}

	@AfterEach
	void everyServiceRunsAgain() {
		for (ServiceInfo service : admin.listServices().services()) {
			if (service.state() != null && !service.state().equals("running")) {
				admin.manageService(service.serviceName(), ServiceCommand.STARTUP);
			}
		}
	}

	private static String state(String serviceName) {
		return admin.listServices().service(serviceName).orElseThrow().state();
	}

	@Test
	void listsTheListenerTheApisAndTheIntegrationServicesWithTheirStates() {
		ServiceList services = admin.listServices();
		assertThat(services.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.serviceName()).isEqualTo("http" + emulator.httpPort());
			assertThat(listener.port()).isEqualTo(emulator.httpPort());
			assertThat(listener.protocol()).isEqualTo("http");
			assertThat(listener.enabled()).isTrue();
		});
		assertThat(services.group("apis")).extracting(ServiceInfo::serviceName, ServiceInfo::state)
			.contains(tuple("db", "running"), tuple("mq", "running"));
		assertThat(services.group("integrationServices")).extracting(ServiceInfo::serviceName)
			.contains("modbus", "opcua");
	}

	@Test
	void aPausedApiRefusesItsActionsUntilItIsResumed() {
		template.db().listDatabases();
		admin.manageService("db", ServiceCommand.PAUSE);
		assertThat(state("db")).isEqualTo("paused");
		assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> template.db().listDatabases())
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99065));
		admin.pingSession();
		admin.manageService("db", ServiceCommand.RESUME);
		assertThat(state("db")).isEqualTo("running");
		assertThat(template.db().listDatabases()).isNotEmpty();
		admin.manageService("DB", ServiceCommand.RESTART);
		assertThat(template.db().listDatabases()).isNotEmpty();
	}

	@Test
	void aShutDownServiceStartsUpButCannotBePausedOrResumed() {
		admin.manageService("modbus", ServiceCommand.SHUTDOWN);
		assertThat(state("modbus")).isEqualTo("stopped");
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> admin.manageService("modbus", ServiceCommand.RESUME))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99066));
		admin.manageService("modbus", ServiceCommand.STARTUP);
		assertThat(state("modbus")).isEqualTo("running");
	}

	@Test
	void refusesUnknownServicesAndAccountsWithoutTheAdminRole() {
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> admin.manageService("no-such-service", ServiceCommand.PAUSE))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99064));
		admin.createAccount("viewer", AccountProperties.builder().password("V1ewer-only").build());
		try (FairComTemplate viewer = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("viewer", "V1ewer-only")
			.build()) {
			assertThat(viewer.admin().listServices().service("db")).isPresent();
			assertThatExceptionOfType(FairComApiException.class)
				.isThrownBy(() -> viewer.admin().manageService("db", ServiceCommand.PAUSE))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99062));
		}
		finally {
			admin.dropAccounts(List.of("viewer"));
		}
		assertThat(state("db")).isEqualTo("running");
	}

}
