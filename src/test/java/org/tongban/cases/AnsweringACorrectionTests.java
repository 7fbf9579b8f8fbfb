package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.support.Applying;

/**
 * Answering a correction notice with files: the notice names materials of the list, the applicant uploads or
 * replaces the file for each (the earlier one stays), confirms what changed, and the clerk sees the case back.
 */
class AnsweringACorrectionTests extends HandlingTest {

	static final String ITEM = "PD-WJW-XK-010";
	static final String EXAM = "6个月内健康体检证明";

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private String noticed() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		act("clerk", id, "request-correction", """
				{"materials": [{"material": "%s", "note": "已超过6个月，请重新体检"}], "items": ["申请表第二页签名不清"],
				 "reason": "请一次补齐"}""".formatted(EXAM)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CORRECTION_REQUESTED"))
				.andExpect(jsonPath("$.timeline[-1].items[0]").value(EXAM + "：已超过6个月，请重新体检"))
				.andExpect(jsonPath("$.timeline[-1].items[1]").value("申请表第二页签名不清"));
		return id;
	}

	private UUID fileOf(String id, String material) {
		return jdbc.sql("SELECT id FROM cases_material WHERE case_id = ?::uuid AND material = ? ORDER BY uploaded_at DESC, id LIMIT 1")
				.params(id, material).query(UUID.class).single();
	}

	private ResultActions upload(String user, String id, String material, UUID replaces, String filename, byte[] bytes)
			throws Exception {
		var request = multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", filename, "application/pdf", bytes))
				.param("material", material).with(basic(user));
		if (replaces != null) {
			request.param("replaces", replaces.toString());
		}
		return mvc.perform(request);
	}

	private long files(String id) {
		return jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = ?::uuid").param(id).query(Long.class).single();
	}

	@Test
	void theNoticeTiesItsItemsToTheMaterialsItNamesAndTheApplicantSeesWhatToDoForEach() throws Exception {
		String id = noticed();
		assertThat(jdbc.sql("SELECT coalesce(material, '-') || '|' || text FROM cases_correction_item WHERE case_id = ?::uuid ORDER BY position")
				.param(id).query(String.class).list())
				.containsExactly(EXAM + "|" + EXAM + "：已超过6个月，请重新体检", "-|申请表第二页签名不清");
		mvc.perform(get("/cases/{id}", id).with(as("citizen"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("要求：已超过6个月，请重新体检")))
				.andExpect(content().string(containsString("尚未补正")))
				.andExpect(content().string(containsString("按告知内容补正")))
				// the file given with the application can be replaced, or kept next to a new one
				.andExpect(content().string(containsString("name=\"replaces\" value=\"" + fileOf(id, EXAM) + "\"")))
				.andExpect(content().string(containsString("作为新增文件，保留现有文件")))
				.andExpect(content().string(containsString("补正情况：已新增 0 项，已替换 0 项，尚未补正 1 项")));
	}

	@Test
	void aReplacementSupersedesTheEarlierFileWhichStaysInTheRecord() throws Exception {
		String id = noticed();
		UUID earlier = fileOf(id, EXAM);
		long before = files(id);
		upload("citizen", id, EXAM, earlier, "新体检证明.pdf", Applying.scan("new exam")).andExpect(status().isCreated())
				.andExpect(jsonPath("$.filename").value("新体检证明.pdf"));
		UUID replacement = fileOf(id, EXAM);
		assertThat(files(id)).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT replaces FROM cases_material WHERE id = ?").param(replacement).query(UUID.class).single())
				.isEqualTo(earlier);
		// the earlier file is still there, readable, and marked as replaced
		mvc.perform(get("/cases/{id}/materials/{m}", id, earlier).with(as("citizen"))).andExpect(status().isOk());
		mvc.perform(get("/cases/{id}", id).with(as("citizen")))
				.andExpect(content().string(containsString("已被替换（保留在办件记录中）")))
				.andExpect(content().string(containsString("补正时上传：替换原文件")))
				.andExpect(content().string(containsString("补正情况：已新增 0 项，已替换 1 项，尚未补正 0 项")));
		// a file replaced once cannot be replaced again, nor a file of another material
		upload("citizen", id, EXAM, earlier, "again.pdf", Applying.scan("again")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("replaces"))
				.andExpect(jsonPath("$.detail", containsString("已被替换")));
		String other = applications.requiredUploads(ITEM, "NEW").stream().filter(m -> !m.equals(EXAM)).findFirst().orElseThrow();
		upload("citizen", id, other, replacement, "x.pdf", Applying.scan("x")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("不是“" + other + "”")));
		assertThat(files(id)).isEqualTo(before + 1);
		// disguised and oversized files are refused as any upload, and nothing is replaced
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		upload("citizen", id, EXAM, replacement, "体检.pdf", html).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/cases/{id}/materials", id)
				.file(new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[0]) {
					@Override
					public long getSize() {
						return org.tongban.shared.Uploads.MAX_BYTES + 1;
					}
				}).param("material", EXAM).param("replaces", replacement.toString()).with(basic("citizen")))
				.andExpect(status().is4xxClientError());
		assertThat(files(id)).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM cases_material WHERE replaces = ?").param(replacement).query(Long.class)
				.single()).isZero();
		// someone else's case does not exist for them
		upload("enterprise", id, EXAM, replacement, "y.pdf", Applying.scan("y")).andExpect(status().isNotFound());
		mvc.perform(post("/cases/{id}/correct", id).with(as("enterprise")).with(csrf()).param("confirmed", "true"))
				.andExpect(status().isNotFound());
		mvc.perform(post("/cases/{id}/correct", id).with(as("enterprise")).with(csrf())).andExpect(status().isNotFound());
		assertThat(caseStatus(id)).isEqualTo("CORRECTION_REQUESTED");
	}

	@Test
	void anUploadTheNoticeDidNotAskForIsAllowedAndShownAsAnExtra() throws Exception {
		String id = noticed();
		String other = applications.requiredUploads(ITEM, "NEW").stream().filter(m -> !m.equals(EXAM)).findFirst().orElseThrow();
		upload("citizen", id, other, null, "补充.pdf", Applying.scan("extra")).andExpect(status().isCreated());
		mvc.perform(get("/cases/{id}", id).with(as("citizen")))
				.andExpect(content().string(containsString("告知未列明、您补充上传的材料")))
				.andExpect(content().string(containsString("另补充 1 个文件")));
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk")))
				.andExpect(content().string(containsString("补正时上传：告知未列明的补充材料")));
	}

	@Test
	void submittingAsksForConfirmationThenSaysWhatHappenedAndWhatComesNext() throws Exception {
		String id = noticed();
		UUID earlier = fileOf(id, EXAM);
		// nothing uploaded yet: the confirmation names what is still missing
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf()).param("reason", "<b>已补</b>"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("确认提交补正")))
				.andExpect(content().string(containsString("仍有 1 项材料尚未补正：“" + EXAM + "”")))
				.andExpect(content().string(containsString("&lt;b&gt;已补&lt;/b&gt;")))
				.andExpect(content().string(not(containsString("<b>已补</b>"))));
		assertThat(caseStatus(id)).isEqualTo("CORRECTION_REQUESTED");
		upload("citizen", id, EXAM, earlier, "新体检证明.pdf", Applying.scan("new exam")).andExpect(status().isCreated());
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("已替换")))
				.andExpect(content().string(containsString("（替换“")))
				.andExpect(content().string(not(containsString("still-missing"))));
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf()).param("confirmed", "true")
				.param("reason", "已重新体检")).andExpect(redirectedUrl("/cases/" + id + "?corrected"));
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		LocalDate due = jdbc.sql("SELECT acceptance_due FROM cases_case WHERE id = ?::uuid").param(id).query(LocalDate.class).single();
		assertThat(due).isAfter(LocalDate.now(clock));
		mvc.perform(get("/cases/{id}", id).param("corrected", "").with(as("citizen")))
				.andExpect(content().string(containsString("已提交补正材料，窗口将重新审查")))
				.andExpect(content().string(containsString("；受理期限 " + due.getMonthValue() + "月" + due.getDayOfMonth() + "日")))
				.andExpect(content().string(not(containsString("操作已完成"))));
		// once is all: a second answer is refused naming where the case stands, and so is any further upload
		act("citizen", id, "correct", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("待受理")));
		// on the page: the case page again (not an error page), saying where the case stands
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf()).param("confirmed", "true"))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("id=\"refusal\"")))
				.andExpect(content().string(containsString("待受理")))
				.andExpect(content().string(containsString("id=\"case-status\"")));
		mvc.perform(post("/cases/{id}/correct", id).with(as("citizen")).with(csrf())).andExpect(status().isConflict());
		upload("citizen", id, EXAM, fileOf(id, EXAM), "z.pdf", Applying.scan("z")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("待受理")));
	}

	/** The clerk's work-list row of the case. */
	private String worklistRow(String id) throws Exception {
		String page = mvc.perform(get("/work").with(as("clerk"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		int at = page.indexOf("/work/cases/" + id + "\"");
		assertThat(at).as("case in the work list").isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	@Test
	void theClerkSeesTheCaseBackFromCorrectionWithTheChangedFilesAgainstTheNotice() throws Exception {
		String id = noticed();
		UUID earlier = fileOf(id, EXAM);
		String earlierName = jdbc.sql("SELECT filename FROM cases_material WHERE id = ?").param(earlier).query(String.class).single();
		// a case submitted once is not marked; while 待补正 the case is the applicant's, not in the clerk's list
		assertThat(worklistRow(submitted(ITEM, "NEW", false))).contains("待受理").doesNotContain("补正后重新提交");
		upload("citizen", id, EXAM, earlier, "新体检证明.pdf", Applying.scan("new exam")).andExpect(status().isCreated());
		act("citizen", id, "correct", "{\"reason\": \"已重新体检\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUBMITTED"));
		assertThat(worklistRow(id)).contains("补正后重新提交");
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"returned-from-correction\"")))
				.andExpect(content().string(containsString("补正时上传：替换原文件")))
				.andExpect(content().string(containsString("（替换“" + earlierName + "”）")))
				.andExpect(content().string(containsString("已被替换（保留在办件记录中）")))
				.andExpect(content().string(containsString("申请表第二页签名不清")));
		act("clerk", id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
	}

	@Test
	void theClerkPicksMaterialsOfTheListOnTheWorkPage() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk")))
				.andExpect(content().string(containsString("name=\"materials\" value=\"" + EXAM + "\"")));
		mvc.perform(post("/work/cases/{id}/actions/request-correction", id).with(as("clerk")).with(csrf())
				.param("materials", EXAM).param("note." + EXAM, "已超过6个月").param("items", "平面图\n")
				.param("confirmed", "true"))
				.andExpect(redirectedUrl("/work/cases/" + id + "?done=request-correction"))
				.andExpect(flash().attribute("outcome", containsString("已向申请人发出补正告知")));
		assertThat(jdbc.sql("SELECT coalesce(material, '-') FROM cases_correction_item WHERE case_id = ?::uuid ORDER BY position")
				.param(id).query(String.class).list()).containsExactly(EXAM, "-");
	}

	/** The demo's case waiting for a correction names a material its applicant has to upload, so it can be replaced. */
	@Test
	void theDemoNoticeNamesAMaterialOfItsList() {
		assertThat(applications.requiredUploads("PD-WJW-XK-006", "NEW_DENTAL_DEPT")).contains("牙科治疗椅位配置及消毒供应区域设置说明");
	}

	@Test
	void aNoticeNamingAMaterialOffTheListOrHeldByTheAuthorityIsRefusedAndNothingIsSaved() throws Exception {
		String id = submitted(ITEM, "NEW", false);
		act("clerk", id, "request-correction", "{\"materials\": [{\"material\": \"<b>不在清单中</b>\"}]}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("materials"));
		act("clerk", id, "request-correction", "{\"materials\": [], \"items\": []}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("items"));
		// an applicant may not write the notice, whatever it names
		act("citizen", id, "request-correction", "{\"materials\": [{\"material\": \"<b>不在清单中</b>\"}]}")
				.andExpect(status().isForbidden());
		act("enterprise", id, "request-correction", "{\"materials\": [{\"material\": \"" + EXAM + "\"}]}")
				.andExpect(status().isNotFound());
		assertThat(caseStatus(id)).isEqualTo("SUBMITTED");
		String held = submitted("PD-WJW-XK-001", "CHANGE", false);
		act("clerk", held, "request-correction", "{\"materials\": [{\"material\": \"护士执业证书\"}]}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("免提交")));
		assertThat(caseStatus(held)).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("SELECT count(*) FROM cases_correction_item WHERE case_id IN (?::uuid, ?::uuid)")
				.params(id, held).query(Long.class).single()).isZero();
		// the notice is given once: a second one is refused
		act("clerk", id, "request-correction", "{\"materials\": [{\"material\": \"" + EXAM + "\"}]}").andExpect(status().isOk());
		act("citizen", id, "correct", null).andExpect(status().isOk());
		act("clerk", id, "request-correction", "{\"materials\": [{\"material\": \"" + EXAM + "\"}]}")
				.andExpect(status().isConflict());
		assertThat(List.of(caseStatus(id))).containsExactly("SUBMITTED");
	}
}
