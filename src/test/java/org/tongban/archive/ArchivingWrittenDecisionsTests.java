package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.tongban.cases.CaseId;
import org.tongban.support.Applying;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal, a denial and a revocation each reach the applicant as a complete written decision — the reasons,
 * the article it rests on, 行政复议 within sixty days before the district government and 行政诉讼 within six
 * months — in the inbox, in the API and in the archived PDF alike; and each archived document is labelled by
 * what it is, so a resumption is not filed as an acceptance.
 */
class ArchivingWrittenDecisionsTests extends ArchiveIntegrationTest {

	static final String COMMITMENT_ITEM = "PD-WJW-XK-028";

	@Autowired
	JsonMapper json;

	@Test
	void aRefusalStatesReasonsBasisAndRightsInTheInboxTheApiAndTheArchive() throws Exception {
		String id = submitted(ITEM, false);
		act("clerk", id, "refuse", "{\"reason\": \"申请事项不属于本机关职权范围\"}");
		Map<String, String> documents = archived(id);
		String pdf = documents.get("03-refusal-decision");
		for (String text : List.of(inbox(id, "不予受理"), api(id, "REFUSAL"), pdf)) {
			assertWrittenDecision(text, "申请事项不属于本机关职权范围", "《中华人民共和国行政许可法》第三十二条");
		}
		assertThat(pdf).startsWith(squeeze("上海市浦东新区卫生健康委员会不予受理决定书"));
	}

	@Test
	void aDenialStatesReasonsBasisAndRightsInTheInboxTheApiAndTheArchive() throws Exception {
		String id = submitted(ITEM, false);
		act("clerk", id, "accept", null);
		act("approver", id, "deny", "{\"reason\": \"未提供放射工作人员职业健康检查表\"}");
		act("approver2", id, "deny", "{\"reason\": \"未提供放射工作人员职业健康检查表，不符合上岗条件\"}");
		Map<String, String> documents = archived(id);
		// the reviewer's opinion is an internal record; the decision is the written decision
		assertThat(documents.get("04-review-opinion")).contains(squeeze("审查意见")).doesNotContain("行政复议");
		String pdf = documents.get("05-denial-decision");
		for (String text : List.of(inbox(id, "不予许可"), api(id, "DENIAL"), pdf)) {
			assertWrittenDecision(text, "未提供放射工作人员职业健康检查表，不符合上岗条件",
					"《中华人民共和国行政许可法》第三十八条第二款");
		}
		assertThat(pdf).startsWith(squeeze("上海市浦东新区卫生健康委员会不予许可决定书"));
	}

	@Test
	void aRevocationAfterAFalseCommitmentStatesReasonsBasisAndRightsInTheInboxTheApiAndTheArchive() throws Exception {
		String id = submitted(COMMITMENT_ITEM, true);
		act("inspector", id, "notify-revocation", "{\"reason\": \"放射防护设施未按承诺配置\"}");
		act("citizen", id, "state-case", "{\"reason\": \"防护设施正在整改\"}");
		act("inspector", id, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}");
		Map<String, String> documents = archived(id);
		assertThat(documents).containsKey("03-grant-decision").containsKey("04-revocation-notice")
				.containsKey("05-statement-record");
		String pdf = documents.get("06-revocation-decision");
		// the commitment the applicant signed, byte for byte, with the SM3 recorded at submission
		Map<String, byte[]> files = zip(id);
		String sm3 = jdbc.sql("SELECT commitment_sm3 FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single();
		assertThat(org.tongban.shared.Sm3.hex(files.get(id + "/metadata/commitment.txt"))).isEqualTo(sm3);
		assertThat(new String(files.get(id + "/metadata/case.json"), java.nio.charset.StandardCharsets.UTF_8))
				.contains(sm3).contains("防护设施正在整改");
		assertThat(pdf).startsWith(squeeze("上海市浦东新区卫生健康委员会撤销许可决定书"));
		for (String text : List.of(inbox(id, "已被撤销"), api(id, "REVOCATION"), pdf)) {
			assertWrittenDecision(text, "放射防护设施未按承诺配置", "《中华人民共和国行政许可法》第六十九条第二款");
			assertThat(squeeze(text)).contains(squeeze("国办发〔2020〕42号")).contains(squeeze("承诺内容与实际情况不符"));
		}
	}

	@Test
	void aResumptionIsFiledAsAResumptionNotAsAnAcceptance() throws Exception {
		String id = submitted(ITEM, false);
		act("clerk", id, "accept", null);
		act("approver", id, "suspend", "{\"kind\": \"EXPERT_REVIEW\", \"reason\": \"组织专家评审放射防护条件\", \"expectedDays\": 5}");
		act("approver", id, "resume", "{\"reason\": \"专家评审已完成\"}");
		act("approver", id, "deny", "{\"reason\": \"专家评审未通过\"}");
		act("approver2", id, "deny", "{\"reason\": \"专家评审认为放射防护条件不符合要求\"}");
		Map<String, String> documents = archived(id);
		assertThat(documents.keySet()).containsExactly("00-case-summary", "03-acceptance-notice", "04-suspension-notice",
				"05-resumption-notice", "06-review-opinion", "07-denial-decision");
		assertThat(documents.get("05-resumption-notice")).contains(squeeze("恢复计时告知书")).contains(squeeze("专家评审已完成"))
				.doesNotContain(squeeze("受理通知书"));
		assertThat(documents.get("04-suspension-notice")).contains(squeeze("暂停计时告知书"));
		assertThat(documents.entrySet()).filteredOn(e -> e.getValue().contains(squeeze("受理通知书")))
				.extracting(Map.Entry::getKey).containsExactly("03-acceptance-notice");
		JsonNode events = json.readTree(zip(id).get(id + "/metadata/events.json"));
		assertThat(events.get(4).get("action").asString()).isEqualTo("resume");
		assertThat(events.get(4).get("actionLabel").asString()).isEqualTo("恢复计时");
	}

	/** Reasons, basis and both rights with their periods and bodies, whatever line breaks the medium adds. */
	static void assertWrittenDecision(String text, String reasons, String article) {
		assertThat(squeeze(text)).contains(squeeze("理由：")).contains(squeeze(reasons)).contains(squeeze("依据："))
				.contains(squeeze(article))
				.contains(squeeze("自收到本决定之日起六十日内"))
				.contains(squeeze("《中华人民共和国行政复议法》第二十条"))
				.contains(squeeze("向上海市浦东新区人民政府申请行政复议"))
				.contains(squeeze("自收到本决定之日起六个月内"))
				.contains(squeeze("《中华人民共和国行政诉讼法》第四十六条"))
				.contains(squeeze("向有管辖权的人民法院提起行政诉讼"))
				.contains(squeeze("上海市浦东新区卫生健康委员会"));
	}

	/**
	 * Noto Sans SC shares glyphs between ideographs and radicals, and the PDF's ToUnicode map may name the
	 * radical: NFKC folds the Kangxi radicals, these CJK Radicals Supplement forms it leaves alone.
	 */
	static final Map<Character, Character> RADICALS = Map.of('\u2EA0', '民', '\u2EC5', '见', '\u2ED4', '门');

	/** The text as read, folded back to ideographs and without white space (PDF lines wrap anywhere). */
	static String squeeze(String s) {
		StringBuilder b = new StringBuilder();
		for (char ch : Normalizer.normalize(s, Normalizer.Form.NFKC).toCharArray()) {
			b.append(RADICALS.getOrDefault(ch, ch));
		}
		String folded = b.toString().replaceAll("\\s+", "");
		assertThat(folded.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2EFF).toArray())
			.as("radicals to add to RADICALS in: %s", folded).isEmpty();
		return folded;
	}

	String submitted(String item, boolean commitment) throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "NEW", "commitment": %s,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"}, "form": {"phone": "13800000000"}}"""
				.formatted(item, commitment, CITIZEN_ID);
		String id = Applying.submitWithMaterials(mvc, applications, "citizen", body);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT step FROM cases_case WHERE id = ?")
			.param(UUID.fromString(id)).query(String.class).optional().orElse(null) != null);
		return id;
	}

	void act(String user, String id, String action, String body) throws Exception {
		var request = post("/api/cases/{id}/actions/{a}", id, action).with(basic(user));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		mvc.perform(request).andExpect(status().isOk());
	}

	/** The applicant's inbox message whose title names the decision. */
	String inbox(String id, String title) {
		return jdbc.sql("""
				SELECT body FROM notification_message WHERE recipient_username = 'citizen' AND link = ? AND title LIKE ?""")
			.params("/cases/" + id, "%" + title + "%").query(String.class).single();
	}

	/** The written decision as {@code GET /api/cases/{id}} gives it to the applicant. */
	String api(String id, String kind) throws Exception {
		String response = mvc.perform(get("/api/cases/{id}", id).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionNotice.kind").value(kind))
			.andReturn().getResponse().getContentAsString();
		JsonNode notice = json.readTree(response).get("decisionNotice");
		// the parts and the whole say the same
		assertThat(notice.get("text").asString()).contains(notice.get("reasons").asString())
			.contains(notice.get("basis").asString()).contains(notice.get("rights").asString());
		return notice.get("text").asString();
	}

	/** The case's package once archived: each document's text by its name without the extension. */
	Map<String, String> archived(String id) throws Exception {
		CaseId caseId = new CaseId(UUID.fromString(id));
		await().atMost(Duration.ofSeconds(20)).until(() -> packageRows(caseId) == 1);
		// a grant waits for its licence; the build is retried until it is there
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
			.until(() -> archiving.build(caseId) == Archiving.Outcome.ARCHIVED);
		Map<String, String> documents = new java.util.LinkedHashMap<>();
		String folder = id + "/representations/documents/";
		for (var e : zip(id).entrySet()) {
			if (e.getKey().startsWith(folder) && e.getKey().endsWith(".pdf") && !e.getKey().endsWith("licence.pdf")) {
				try (PDDocument doc = Loader.loadPDF(e.getValue())) {
					documents.put(e.getKey().substring(folder.length(), e.getKey().length() - 4),
							squeeze(new PDFTextStripper().getText(doc)));
				}
			}
		}
		return documents;
	}

	Map<String, byte[]> zip(String id) throws Exception {
		try (var in = store.open(new CaseId(UUID.fromString(id))).orElseThrow()) {
			return unzip(in);
		}
	}
}
