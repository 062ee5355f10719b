package io.github.faircomclient.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.observation.FairComRequestObservationContext;
import io.github.faircomclient.testsupport.FairComStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Account passwords sent with {@code createAccount}, {@code alterAccount} and
 * {@code cloneAccount} never reach an exception, an observation, a warning, debug
 * information or a {@code toString()}, even when a server echoes them (whole or cut off)
 * in an error message, a warning or its {@code debugInfo}.
 */
class AdminSecretsTests {

	private static final String PASSWORD = "Sup3r-S3cret-0f-Reporting";

	private static final String CLONE_PASSWORD = "An0ther-S3cret-0f-the-Clone";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final FairComStub stub = new FairComStub("stubSessionToken4d2f9a7c01b3e5");

	private final List<String> texts = new ArrayList<>();

	@AfterEach
	void close() {
		this.stub.close();
	}

	private AdminOperations admin() {
		return this.stub.template((builder) -> builder.observationRegistry(this.registry)).admin();
	}

	/**
	 * An answer that echoes a secret everywhere a server could: the error message (whole,
	 * cut off, with a forged line), a warning's message and data, and the request in
	 * {@code debugInfo}.
	 */
	private static String echoing(int errorCode, String property, String secret) {
		String cut = secret.substring(0, 9);
		return "{\"errorCode\": " + errorCode + ", \"errorMessage\": \"" + ((errorCode != 0)
				? "rejected " + property + " '" + secret + "' (starts '" + cut + "...')\\r\\nINFO forged" : "")
				+ "\", \"warnings\": [{\"warningCode\": 7, \"warningMessage\": \"weak: " + secret + "\", "
				+ "\"warningData\": \"" + secret + "\"}], "
				+ "\"debugInfo\": {\"request\": {\"params\": {\"" + property + "\": \"" + secret + "\"}}, "
				+ "\"warnings\": [{\"code\": 8, \"message\": \"" + cut + "\", \"data\": {\"" + property + "\": \""
				+ secret + "\"}}]}}";
	}

	@Test
	void aPasswordEchoedInAnErrorIsMaskedInTheExceptionAndItsObservation() {
		AdminOperations admin = admin();
		this.stub.answerEnvelope("createAccount", echoing(99999, "password", PASSWORD));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> admin.createAccount("reporting", AccountProperties.builder().password(PASSWORD).build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrorMessage())
					.isEqualTo("rejected password '******' (starts '******...')\\r\\nINFO forged");
				this.texts.add(describe(ex));
			});
		this.stub.answerEnvelope("cloneAccount", echoing(99999, "clonePassword", CLONE_PASSWORD));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> admin.cloneAccount(AccountClone.builder("reporting", "reporting2")
				.password(CLONE_PASSWORD)
				.build()))
			.satisfies((ex) -> this.texts.add(describe(ex)));
		collectObservations();
		assertThat(String.join("\n", this.texts)).contains("rejected password '******'")
			.contains("admin/cloneAccount");
		assertNoSecret();
	}

	@Test
	void aPasswordEchoedInASuccessfulAnswerIsMaskedInItsWarningsAndDebugInfo() {
		AdminOperations admin = admin();
		this.stub.answerEnvelope("alterAccount", echoing(0, "password", PASSWORD));
		this.stub.answerEnvelope("cloneAccount", echoing(0, "clonePassword", CLONE_PASSWORD));
		admin.alterAccount("reporting", AccountProperties.builder().password(PASSWORD).build());
		admin.cloneAccount(AccountClone.builder("reporting", "reporting2").password(CLONE_PASSWORD).build());
		List<FairComResponse> responses = collectObservations();
		assertThat(responses).hasSize(2).allSatisfy((response) -> {
			assertThat(response.warnings()).extracting(FairComWarning::code).containsExactly(7, 8);
			assertThat(response.warnings().get(0).message()).isEqualTo("weak: ******");
			assertThat(response.debugInfo()).isNotNull();
			this.texts.add(response.debugInfo().toString());
			response.warnings().forEach((warning) -> this.texts.add(warning.toString()));
		});
		assertThat(this.texts).anyMatch((text) -> text.contains("\"password\":\"******\""))
			.anyMatch((text) -> text.contains("\"clonePassword\":\"******\""));
		assertNoSecret();
	}

	@Test
	void toStringShowsThatAPasswordIsSetButNeverIt() {
		AccountProperties properties = AccountProperties.builder()
			.password(PASSWORD)
			.accountDescription("BI reports")
			.build();
		AccountClone clone = AccountClone.builder("reporting", "reporting2").password(CLONE_PASSWORD).build();
		assertThat(properties.toString())
			.isEqualTo("AccountProperties[password=******, accountDescription=\"BI reports\"]");
		assertThat(clone.toString()).isEqualTo("AccountClone[reporting -> reporting2, password set]");
		this.texts.add(properties.toString());
		this.texts.add(clone.toString());
		assertNoSecret();
	}

	/**
	 * Every observation's names, key values and error, the request's and answer's
	 * {@code toString()}; returns the answers the observations carry.
	 */
	private List<FairComResponse> collectObservations() {
		AtomicReference<List<Observation.Context>> contexts = new AtomicReference<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::set);
		List<FairComResponse> responses = new ArrayList<>();
		for (Observation.Context context : contexts.get()) {
			this.texts.add(context.getName() + " " + context.getContextualName());
			for (KeyValue keyValue : context.getAllKeyValues()) {
				this.texts.add(keyValue.getKey() + "=" + keyValue.getValue());
			}
			if (context.getError() != null) {
				this.texts.add(describe(context.getError()));
			}
			if (context instanceof FairComRequestObservationContext request) {
				this.texts.add(request.getRequest().toString());
				if (request.getResponse() != null) {
					this.texts.add(request.getResponse().toString());
					responses.add(request.getResponse());
				}
			}
		}
		return responses;
	}

	private void assertNoSecret() {
		assertThat(this.texts).isNotEmpty();
		for (String secret : List.of(PASSWORD, CLONE_PASSWORD, PASSWORD.substring(0, 9),
				CLONE_PASSWORD.substring(0, 9))) {
			assertThat(this.texts).noneMatch((text) -> text.contains(secret));
		}
		assertThat(this.texts).noneMatch((text) -> text.contains("\r") || text.contains("\n"));
	}

	private static String describe(Throwable ex) {
		StringWriter out = new StringWriter();
		ex.printStackTrace(new PrintWriter(out));
		return out.toString().replace(System.lineSeparator(), " | ");
	}

}
