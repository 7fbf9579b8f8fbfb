package org.tongban.archive;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.CaseCompleted;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseApplications;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;

/**
 * The whole application on the suite's shared database. Each test makes its own real case (a draft of
 * PD-WJW-XK-008 by "citizen" with an uploaded PDF, submitted and withdrawn with a reason), completes it by
 * publishing {@link CaseCompleted} in a transaction, and looks only at its own rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class ArchiveIntegrationTest {

	static final String ITEM = "PD-WJW-XK-008";
	static final String MATERIAL = "放射工作人员证申请表（单位盖章）";
	static final String CITIZEN_ID = "310115198503151230";
	static final String WITHDRAW_REASON = "单位调整人员安排，暂不申领";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Archiving archiving;

	@Autowired
	FileSystemArchiveStore store;

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, "tongban-demo");
	}

	/** A small but real PDF, ≈ 50 KB with some text and padding content. */
	static byte[] pdf(String text) throws IOException {
		return Applying.pdf(text);
	}

	record MadeCase(CaseId id, byte[] material) {
	}

	/** A real case, submitted and withdrawn with a reason (a finished status), not yet completed. */
	MadeCase withdrawnCase() throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000", "note": "归档测试"}}""".formatted(ITEM, CITIZEN_ID);
		String json = mvc.perform(post("/api/cases/drafts").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(basic("citizen"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = json.replaceAll("(?s).*\"id\":\"([0-9a-f-]+)\".*", "$1");
		byte[] material = pdf("Application form " + id);
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "申请表.pdf", "application/pdf", material))
				.param("material", MATERIAL).with(basic("citizen")))
			.andExpect(status().isCreated());
		Applying.uploadRequired(mvc, applications, "citizen", id, ITEM, "NEW", MATERIAL);
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", UUID.randomUUID().toString())
				.with(basic("citizen"))).andExpect(status().isCreated());
		mvc.perform(post("/api/cases/{id}/actions/withdraw", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"" + WITHDRAW_REASON + "\"}").with(basic("citizen")))
			.andExpect(status().isOk());
		return new MadeCase(new CaseId(UUID.fromString(id)), material);
	}

	/** Publishes the completion as the cases module will, and waits for the listener to record it. */
	void complete(CaseId id) {
		new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(
				new CaseCompleted(id, ITEM, CaseStatus.WITHDRAWN, clock.instant().truncatedTo(ChronoUnit.MILLIS))));
		await().atMost(Duration.ofSeconds(20)).until(() -> packageRows(id) == 1);
	}

	MadeCase archivedCase() throws Exception {
		MadeCase c = withdrawnCase();
		complete(c.id());
		org.assertj.core.api.Assertions.assertThat(archiving.build(c.id())).isEqualTo(Archiving.Outcome.ARCHIVED);
		return c;
	}

	long packageRows(CaseId id) {
		return jdbc.sql("SELECT count(*) FROM archive_package WHERE case_id = ?").param(id.value()).query(Long.class)
			.single();
	}

	String packageStatus(CaseId id) {
		return jdbc.sql("SELECT status FROM archive_package WHERE case_id = ?").param(id.value()).query(String.class)
			.single();
	}

	UUID packageId(CaseId id) {
		return jdbc.sql("SELECT id FROM archive_package WHERE case_id = ?").param(id.value()).query(UUID.class).single();
	}

	long chainEntries(CaseId id, String kind) {
		return jdbc.sql("SELECT count(*) FROM archive_chain_entry WHERE case_id = ? AND kind = ?")
			.params(id.value(), kind)
			.query(Long.class)
			.single();
	}

	/** Every entry of a ZIP, by name, in order. */
	static Map<String, byte[]> unzip(InputStream in) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				entries.put(e.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}
}
