package io.github.faircomclient.db;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Savepoints, descriptions and {@code listTransactions} of explicit transactions and of
 * {@code inTransaction}, and the {@link DbTransactionHolder} they share, on the wire.
 */
class DbTransactionsTests {

	private static final String SESSION_GONE = "'authToken' does not match any existing session.";

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	private DbOperations db() {
		return this.stub.template().db();
	}

	@Test
	void explicitSavepointsAreCreatedRevertedAndCommittedUpTo() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":1}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":\"2\"}");
		DbOperations db = db();
		String id = db.createTransaction();
		assertThat(db.createTransactionSavepoint(id)).isOne();
		assertThat(db.createTransactionSavepoint(id)).as("a numeric string is read too").isEqualTo(2);
		db.revertToTransactionSavepoint(id, 1);
		db.commitTransaction(id, 1);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "createTransactionSavepoint",
				"createTransactionSavepoint", "revertToTransactionSavepoint", "commitTransaction");
		JsonNode revert = this.stub.request("revertToTransactionSavepoint").get("params");
		assertThat(revert.get("transactionId").stringValue()).isEqualTo("TX1");
		assertThat(revert.get("transactionSavepointId").intValue()).isOne();
		JsonNode commit = this.stub.request("commitTransaction").get("params");
		assertThat(commit.get("transactionSavepointId").isInt()).as("sent as the integer it was created as").isTrue();
		assertThat(commit.get("transactionSavepointId").intValue()).isOne();
	}

	@Test
	void aSavepointAnswerWithoutItsIdIsAProtocolError() {
		this.stub.answer("createTransactionSavepoint", "{}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db().createTransactionSavepoint("TX1"))
			.withMessageContaining("transactionSavepointId");
	}

	@Test
	void inTransactionSavepointsRevertTheWorkAfterThem() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransactionSavepoint", "{\"transactionSavepointId\":1}");
		db().inTransactionWithoutResult((tx) -> {
			tx.insert("items", Map.of("name", "kept"));
			int savepoint = tx.createSavepoint();
			tx.insert("items", Map.of("name", "undone"));
			tx.revertToSavepoint(savepoint);
		});
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords",
				"createTransactionSavepoint", "insertRecords", "revertToTransactionSavepoint", "commitTransaction");
		assertThat(this.stub.requests().subList(1, 6)).allSatisfy((request) -> assertThat(
				request.at("/params/transactionId").stringValue()).as(request.get("action").stringValue())
			.isEqualTo("TX1"));
	}

	@Test
	void aFailedRevertLeavesTheTransactionToItsCaller() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("revertToTransactionSavepoint", 99044, "Savepoint 1 was made before SQL ran");
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> db().inTransactionWithoutResult((tx) -> tx.revertToSavepoint(1)))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99044));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "revertToTransactionSavepoint",
				"rollbackTransaction");
	}

	@Test
	void savepointsOfATransactionWhoseSessionWasReplacedAreRefusedWithoutBeingSent() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		String id = db.createTransaction();
		db.listTables();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.createTransactionSavepoint(id));
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.revertToTransactionSavepoint(id, 1));
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> db.commitTransaction(id, 1));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "listTables", "listTables");
	}

	@Test
	void aDescriptionIsSentAndCutToTheDocumentedLength() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX2\"}");
		DbOperations db = db();
		db.createTransaction("nightly import");
		db.createTransaction("x".repeat(300));
		List<JsonNode> sent = this.stub.requests("createTransaction");
		assertThat(sent.get(0).at("/params/transactionDescription").stringValue()).isEqualTo("nightly import");
		assertThat(sent.get(1).at("/params/transactionDescription").stringValue()).hasSize(255);
		assertThatIllegalArgumentException().isThrownBy(() -> db.createTransaction(""));
	}

	@Test
	void listTransactionsNeverAsksForNorKeepsSessionTokens() {
		this.stub.answer("listTransactions", "{\"data\":[{\"transactionDescription\":\"\",\"transactionId\":\"T1\","
				+ "\"username\":\"ADMIN\",\"authToken\":\"SECRET-TOKEN\"},{\"transactionDescription\":\"import\","
				+ "\"transactionId\":\"T2\",\"username\":\"app\"}]}");
		DbOperations db = db().withResponseOptions(Map.of("excludeFields", List.of("username")));
		List<TransactionInfo> transactions = db.listTransactions();
		assertThat(transactions).containsExactly(new TransactionInfo("T1", "ADMIN", ""),
				new TransactionInfo("T2", "app", "import"));
		assertThat(transactions.toString()).doesNotContain("SECRET-TOKEN");
		JsonNode request = this.stub.request("listTransactions");
		assertThat(request.get("params").isEmpty()).isTrue();
		assertThat(request.at("/responseOptions/excludeFields").valueStream().map(JsonNode::stringValue))
			.containsExactly("username", "authToken");
		db.listTransactions("app");
		assertThat(this.stub.requests("listTransactions").get(1).at("/params/username").stringValue())
			.isEqualTo("app");
		assertThat(this.stub.requests("listTransactions").get(1).at("/params/transactionId").isMissingNode())
			.isTrue();
	}

	@Test
	void theHolderOfAnInTransactionIsTheOneModelOfItsState() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		FairComTemplate template = this.stub.template();
		DbTransactionHolder holder = DbTransactionHolder.begin(template, "manual", null);
		assertThat(holder.getTransactionId()).isEqualTo("TX1");
		assertThat(holder.getSession()).isNotNull();
		assertThat(DbTransactionHolder.current(template)).as("not bound to any thread").isNull();
		template.db().withTransaction("TX1").insert("items", Map.of("name", "a"));
		holder.commit();
		assertThat(holder.isEnded()).isTrue();
		holder.rollback();
		assertThat(this.stub.actions()).as("nothing is sent for an ended transaction")
			.containsExactly("createTransaction", "insertRecords", "commitTransaction");
		assertThat(this.stub.request("createTransaction").at("/params/transactionDescription").stringValue())
			.isEqualTo("manual");
	}

	@Test
	void rollingBackAHolderWhoseSessionIsGoneSendsNothingAndSucceeds() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		FairComTemplate template = this.stub.template();
		DbTransactionHolder holder = DbTransactionHolder.begin(template, null, null);
		template.db().listTables();
		holder.rollback();
		assertThat(holder.isEnded()).isTrue();
		assertThat(this.stub.actions()).containsExactly("createTransaction", "listTables", "listTables");
	}

}
